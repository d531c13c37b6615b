namespace Jixiao.Storage.Entities;

/// <summary>An entity keyed by a generated <c>id</c>, which the bulk writer can hand out ahead of insert.</summary>
internal interface IHasId
{
    long Id { get; set; }
}
