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

    private TableMap(string table, string[] columns, Func<object, object?>[] values, Type[] providerTypes, bool hasId)
    {
        Table = table;
        Columns = columns;
        Values = values;
        ProviderTypes = providerTypes;
        HasId = hasId;
    }

    public string Table { get; }
    public string[] Columns { get; }
    public Func<object, object?>[] Values { get; }

    /// <summary>For each column, the CLR type of the values <see cref="Values"/> return, nullable (<c>long?</c>, <c>string</c>).</summary>
    public Type[] ProviderTypes { get; }

    /// <summary>
    /// For each column, a function that gathers the column's values of the rows into a typed array
    /// (<c>long?[]</c>, <c>string?[]</c>) — what PostgreSQL's <c>unnest</c> takes as one parameter.
    /// </summary>
    public Func<IReadOnlyList<object>, Array>[] ColumnArrays => _columnArrays ??= [.. Values.Select((value, c) => ColumnArray(ProviderTypes[c], value))];

    private Func<IReadOnlyList<object>, Array>[]? _columnArrays;

    private static Func<IReadOnlyList<object>, Array> ColumnArray(Type element, Func<object, object?> value) =>
        (Func<IReadOnlyList<object>, Array>)typeof(TableMap).GetMethod(nameof(Gather), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(element)
            .Invoke(null, [value])!;

    private static Func<IReadOnlyList<object>, Array> Gather<TElement>(Func<object, object?> value) => rows =>
    {
        var array = new TElement[rows.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = (TElement)value(rows[i])!;
        }

        return array;
    };

    /// <summary>True when the table has a single generated <c>id</c> key.</summary>
    public bool HasId { get; }

    public static TableMap For<T>(IModel model) => For(model, typeof(T));

    public static TableMap For(IModel model, Type type) => Cache.GetOrAdd((model, type), key => Build(key.Item1, key.Item2));

    private static TableMap Build(IModel model, Type type)
    {
        var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model");
        var properties = entity.GetProperties().ToList();
        var key = entity.FindPrimaryKey()!.Properties;
        return new TableMap(
            entity.GetTableName()!,
            properties.Select(p => p.GetColumnName()).ToArray(),
            properties.Select(Getter).ToArray(),
            properties.Select(ProviderType).ToArray(),
            key is [{ Name: "Id" }]);
    }

    private static Type ProviderType(IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsValueType ? typeof(Nullable<>).MakeGenericType(type) : type;
    }

    /// <summary>A compiled <c>row =&gt; (object?)convert(((T)row).Property)</c>, null staying null.</summary>
    private static Func<object, object?> Getter(IProperty property)
    {
        var row = Expression.Parameter(typeof(object));
        Expression value = Expression.Property(Expression.Convert(row, property.DeclaringType.ClrType), property.PropertyInfo!);
        if (property.GetTypeMapping().Converter is { } converter)
        {
            var nullable = Nullable.GetUnderlyingType(value.Type) is not null || !value.Type.IsValueType;
            var model = nullable && value.Type.IsValueType ? Expression.Property(value, "Value") : value;
            var converted = Expression.Convert(Expression.Invoke(converter.ConvertToProviderExpression, Expression.Convert(model, converter.ModelClrType)), typeof(object));
            value = nullable
                ? Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)), Expression.Constant(null), converted)
                : converted;
        }

        return Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), row).Compile();
    }
}
