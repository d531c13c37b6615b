using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jixiao.Storage.Bulk;

/// <summary>
/// An entity's table as the EF model maps it: table and column names, and for each column a compiled
/// getter that returns the value as the database stores it (value converters applied). The bulk writer
/// uses it so that the model stays the single description of the columns.
/// </summary>
internal sealed class TableMap
{
    private static readonly ConcurrentDictionary<(IModel, Type), TableMap> Cache = new();

    private TableMap(string table, string[] columns, Func<object, object?>[] values, bool hasId)
    {
        Table = table;
        Columns = columns;
        Values = values;
        HasId = hasId;
    }

    public string Table { get; }
    public string[] Columns { get; }
    public Func<object, object?>[] Values { get; }

    /// <summary>True when the table has a single generated <c>id</c> key.</summary>
    public bool HasId { get; }

    public static TableMap For<T>(IModel model) => Cache.GetOrAdd((model, typeof(T)), key => Build(key.Item1, key.Item2));

    private static TableMap Build(IModel model, Type type)
    {
        var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model");
        var properties = entity.GetProperties().ToList();
        var key = entity.FindPrimaryKey()!.Properties;
        return new TableMap(
            entity.GetTableName()!,
            properties.Select(p => p.GetColumnName()).ToArray(),
            properties.Select(Getter).ToArray(),
            key is [{ Name: "Id" }]);
    }

    private static Func<object, object?> Getter(IProperty property)
    {
        var entity = Expression.Parameter(typeof(object));
        var read = Expression.Property(Expression.Convert(entity, property.DeclaringType.ClrType), property.PropertyInfo!);
        var get = Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), entity).Compile();
        var converter = property.GetTypeMapping().Converter;
        return converter is null ? get : row => get(row) is { } value ? converter.ConvertToProvider(value) : null;
    }
}
