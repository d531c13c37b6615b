using System.Text.Json;
using Jixiao.Domain.Checks;

namespace Jixiao.Formats.Json;

/// <summary>
/// The findings document of checks.md: <c>{ "schema": "jixiao.findings/1", "findings": [ { "code",
/// "severity", "source", "line", "form", "indicator", "message", "expected", "actual" } ] }</c>.
/// </summary>
public static class FindingsJson
{
    public const string Schema = "jixiao.findings/1";

    public static void Write(Stream stream, IReadOnlyList<Finding> findings)
    {
        using var w = new Utf8JsonWriter(stream, DisclosureJson.WriterOptions);
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteStartArray("findings");
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("code", f.Code);
            w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
            w.WriteString("source", f.Source);
            w.WriteNumber("line", f.Line);
            w.WriteString("form", f.Form);
            w.WriteString("indicator", f.Indicator);
            w.WriteString("message", f.Message);
            w.WriteString("expected", f.Expected);
            w.WriteString("actual", f.Actual);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string ToJson(IReadOnlyList<Finding> findings)
    {
        using var ms = new MemoryStream();
        Write(ms, findings);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}
