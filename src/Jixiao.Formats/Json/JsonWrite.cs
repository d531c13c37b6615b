using System.Text.Json;
using Jixiao.Domain.Values;

namespace Jixiao.Formats.Json;

/// <summary>The interchange JSON's small pieces, written the same way by every form kind's writer.</summary>
internal static class JsonWrite
{
    /// <summary>A number property, <c>null</c> when absent.</summary>
    public static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteNumber(name, value.Value);
        }
    }

    /// <inheritdoc cref="Number(Utf8JsonWriter, string, decimal?)"/>
    public static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteNumber(name, value.Value);
        }
    }

    /// <summary>A parsed value (<c>{op, number, unit, text}</c>) as the current value of the writer.</summary>
    public static void Value(Utf8JsonWriter w, IndicatorValue v)
    {
        w.WriteStartObject();
        w.WriteString("op", v.Op?.Symbol());
        Number(w, "number", v.Number);
        w.WriteString("unit", v.Unit);
        w.WriteString("text", v.Text);
        w.WriteEndObject();
    }
}
