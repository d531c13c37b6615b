using Jixiao.Domain.Checks;
using Jixiao.Storage.Import;

namespace Jixiao.Application;

/// <summary>
/// The findings an import stores: <paramref name="Form"/> of each form, with it; <paramref name="Set"/> comparing
/// the forms of each unit the file touched (duplicates, parents and children, year over year), in the same transaction.
/// </summary>
public sealed record ImportChecks(FindingsProvider Form, SetFindingsProvider Set)
{
    /// <summary>The rule catalogue's rules, per form and per unit.</summary>
    public static ImportChecks Catalogue(CheckOptions? options = null) => new(RuleFindings.Provider(options), SetFindings.Provider(options));
}
