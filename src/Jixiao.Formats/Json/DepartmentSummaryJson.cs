using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Domain.Reports;

namespace Jixiao.Formats.Json;

/// <summary>A <see cref="DepartmentSummary"/> as JSON: camelCase fields, money and scores as exact numbers, Chinese unescaped.</summary>
public static class DepartmentSummaryJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Stream stream, DepartmentSummary summary) => JsonSerializer.Serialize(stream, summary, Options);

    public static void WriteMany(Stream stream, IReadOnlyList<DepartmentSummary> summaries) => JsonSerializer.Serialize(stream, summaries, Options);
}
