using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Storage.Entities;

namespace Jixiao.Storage.Import;

/// <summary>A form as an import audit line summarises it.</summary>
internal sealed record AuditFormLine(string Name, FormKind Kind, string Unit, int? Year, decimal? TotalScore);

/// <summary>
/// Builds the lines of the import audit log and their JSON summaries of a source version:
/// <c>{"source", "version", "contentHash", "forms": [{"name", "kind", "unit", "year", "totalScore"}]}</c>.
/// </summary>
internal static class AuditLines
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ImportAuditLine Line(string user, ImportResult result, string? contentHash, string? before = null, string? after = null) => new()
    {
        UserName = user,
        At = DateTime.UtcNow,
        SourceName = result.Source ?? result.File,
        FileName = result.File,
        ContentHash = contentHash,
        Outcome = result.Outcome,
        Version = result.Version > 0 ? result.Version : null,
        FormCount = result.Forms,
        IndicatorCount = result.Indicators,
        FindingCount = result.Findings,
        Message = result.Message,
        BeforeJson = before,
        AfterJson = after,
    };

    public static string Summary(string source, int version, string contentHash, IEnumerable<AuditFormLine> forms)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("source", source);
            w.WriteNumber("version", version);
            w.WriteString("contentHash", contentHash);
            w.WriteStartArray("forms");
            foreach (var f in forms)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("kind", Words.Of(f.Kind));
                w.WriteString("unit", f.Unit);
                if (f.Year is { } year)
                {
                    w.WriteNumber("year", year);
                }
                else
                {
                    w.WriteNull("year");
                }

                if (f.TotalScore is { } score)
                {
                    w.WriteNumber("totalScore", score);
                }
                else
                {
                    w.WriteNull("totalScore");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static AuditFormLine Of(PerformanceForm form) => new(form.Name, form.Kind, form.Unit, form.Year, form.TotalScore);
}
