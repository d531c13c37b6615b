using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using static Jixiao.Formats.Json.JsonWrite;

namespace Jixiao.Formats.Json;

/// <summary>
/// The interchange document <c>jixiao.disclosure/1</c> of <c>shared/spec/disclosure-json.md</c>: written
/// field by field so that names and number formats follow the spec exactly, and read back tolerantly.
/// </summary>
public static class DisclosureJson
{
    public const string Schema = "jixiao.disclosure/1";

    /// <summary>How every jixiao JSON document is written: indented, Chinese as is (not \u-escaped).</summary>
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="annotate">Optional extra fields per form (explanations of computed scores).</param>
    public static void Write(Stream stream, DisclosureDocument document, Func<PerformanceForm, FormAnnotations?>? annotate = null)
    {
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        WriteDocument(writer, document, annotate);
    }

    /// <summary>Several documents as one JSON array (what <c>jixiao parse a b</c> prints).</summary>
    public static void WriteMany(Stream stream, IReadOnlyList<DisclosureDocument> documents, Func<PerformanceForm, FormAnnotations?>? annotate = null)
    {
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartArray();
        foreach (var d in documents)
        {
            WriteDocument(writer, d, annotate);
        }

        writer.WriteEndArray();
    }

    public static string ToJson(DisclosureDocument document)
    {
        using var ms = new MemoryStream();
        Write(ms, document);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static void WriteDocument(Utf8JsonWriter w, DisclosureDocument document, Func<PerformanceForm, FormAnnotations?>? annotate = null)
    {
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("source", document.Source);
        w.WriteStartArray("forms");
        foreach (var form in document.Forms)
        {
            WriteForm(w, form, annotate?.Invoke(form));
        }

        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var d in document.Diagnostics)
        {
            WriteDiagnostic(w, d);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One entry of a document's <c>diagnostics</c> (also written by <see cref="DisclosureJsonStream"/>).</summary>
    internal static void WriteDiagnostic(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        w.WriteNumber("line", d.Line);
        w.WriteString("code", d.Code);
        w.WriteString("message", d.Message);
        w.WriteEndObject();
    }

    public static void WriteForm(Utf8JsonWriter w, PerformanceForm f, FormAnnotations? annotations = null)
    {
        w.WriteStartObject();
        w.WriteString("kind", FormKinds.Word(f.Kind));
        Number(w, "year", f.Year);
        w.WriteString("group", f.Group);
        w.WriteNumber("line", f.Line);
        w.WriteString("name", f.Name);
        w.WriteString("nature", f.Nature);
        w.WriteString("category", f.Category);
        w.WriteString("department", f.Department);
        w.WriteString("unit", f.Unit);
        w.WriteString("startDate", f.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("endDate", f.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (f.Funds is { } funds)
        {
            w.WriteStartObject("funds");
            Number(w, "annualTotal", funds.AnnualTotal);
            Number(w, "currentYear", funds.CurrentYear);
            Number(w, "carryOver", funds.CarryOver);
            Number(w, "other", funds.Other);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("funds");
        }

        if (f.Budget is { } budget)
        {
            w.WriteStartObject("budget");
            BudgetRow(w, "total", budget.Total, withScore: true);
            BudgetRow(w, "currentYear", budget.CurrentYear, withScore: false);
            BudgetRow(w, "carryOver", budget.CarryOver, withScore: false);
            BudgetRow(w, "other", budget.Other, withScore: false);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("budget");
        }

        w.WriteString("goal", f.Goal);
        w.WriteString("outcome", f.Outcome);
        w.WriteStartArray("indicators");
        for (var k = 0; k < f.Indicators.Count; k++)
        {
            WriteIndicator(w, f.Indicators[k], annotations?.IndicatorExplanations.ElementAtOrDefault(k));
        }

        w.WriteEndArray();
        Number(w, "totalWeight", f.TotalWeight);
        Number(w, "totalScore", f.TotalScore);
        w.WriteString("grade", f.Grade);
        if (annotations is not null)
        {
            w.WriteStartObject("explanations");
            foreach (var (name, text) in annotations.Explanations)
            {
                w.WriteString(name, text);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter w, Indicator i, string? explanation)
    {
        w.WriteStartObject();
        w.WriteString("level1", i.Level1);
        w.WriteString("level2", i.Level2);
        w.WriteString("name", i.Name);
        w.WriteString("target", i.Target);
        w.WritePropertyName("targetValue");
        WriteValue(w, i.TargetValue);
        w.WriteString("actual", i.Actual);
        w.WritePropertyName("actualValue");
        if (i.ActualValue is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WriteValue(w, i.ActualValue);
        }

        Number(w, "weight", i.Weight);
        Number(w, "score", i.Score);
        w.WriteString("deviation", i.Deviation);
        w.WriteNumber("line", i.Line);
        if (explanation is not null)
        {
            w.WriteString("explanation", explanation);
        }

        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, IndicatorValue v) => JsonWrite.Value(w, v);

    private static void BudgetRow(Utf8JsonWriter w, string name, BudgetRow? row, bool withScore)
    {
        if (row is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        Number(w, "initial", row.Initial);
        Number(w, "full", row.Full);
        Number(w, "executed", row.Executed);
        Number(w, "rate", row.Rate);
        if (withScore)
        {
            Number(w, "weight", row.Weight);
            Number(w, "score", row.Score);
        }

        w.WriteEndObject();
    }

    // ---- reading ------------------------------------------------------------------------------------

    /// <summary>Reads an interchange document (or an array of them). Throws <see cref="JsonException"/> on malformed JSON.</summary>
    public static IReadOnlyList<DisclosureDocument> Read(string json, string source)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray().Select(e => ReadDocument(e, source)).ToList();
        }

        return [ReadDocument(root, source)];
    }

    private static DisclosureDocument ReadDocument(JsonElement e, string source)
    {
        var forms = new List<PerformanceForm>();
        var monitoring = 0; // monitoring forms are read by MonitoringJson (jixiao monitor), not as targets
        if (e.TryGetProperty("forms", out var fs) && fs.ValueKind == JsonValueKind.Array)
        {
            forms.AddRange(fs.EnumerateArray().Where(f => !MonitoringJson.IsMonitoring(f)).Select(f => ReadForm(f)));
            monitoring = fs.GetArrayLength() - forms.Count;
        }
        else if (e.TryGetProperty("kind", out _))
        {
            if (MonitoringJson.IsMonitoring(e))
            {
                monitoring = 1;
            }
            else
            {
                forms.Add(ReadForm(e));
            }
        }

        var diagnostics = new List<Diagnostic>();
        if (monitoring > 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Info, 1, "monitoring-forms", $"{monitoring} 张执行监控表（kind: monitoring）由 jixiao monitor 读取，此处不作申报表或自评表"));
        }

        if (e.TryGetProperty("diagnostics", out var ds) && ds.ValueKind == JsonValueKind.Array)
        {
            foreach (var d in ds.EnumerateArray())
            {
                var severity = Str(d, "severity") switch { "error" => Severity.Error, "info" => Severity.Info, _ => Severity.Warning };
                diagnostics.Add(new Diagnostic(severity, Int(d, "line") ?? 0, Str(d, "code") ?? "", Str(d, "message") ?? ""));
            }
        }

        return new DisclosureDocument(Str(e, "source") ?? source, forms, diagnostics);
    }

    /// <summary>
    /// Reads one FORM. Its <c>kind</c> must be <c>"target"</c> or <c>"selfEvaluation"</c>: any other value is a
    /// <see cref="JsonException"/> naming it; an absent kind is one too unless <paramref name="whenAbsent"/> says
    /// which kind an absent one means (the API's request bodies may leave it out).
    /// </summary>
    public static PerformanceForm ReadForm(JsonElement e, FormKind? whenAbsent = null)
    {
        var funds = Obj(e, "funds") is { } f ? new Funds(Dec(f, "annualTotal"), Dec(f, "currentYear"), Dec(f, "carryOver"), Dec(f, "other")) : null;
        Budget? budget = null;
        if (Obj(e, "budget") is { } b)
        {
            budget = new Budget(Row(b, "total"), Row(b, "currentYear"), Row(b, "carryOver"), Row(b, "other"));
        }

        var indicators = new List<Indicator>();
        if (e.TryGetProperty("indicators", out var inds) && inds.ValueKind == JsonValueKind.Array)
        {
            foreach (var i in inds.EnumerateArray())
            {
                var target = Str(i, "target") ?? "";
                var actual = Str(i, "actual");
                indicators.Add(new Indicator(
                    Str(i, "level1") ?? "", Str(i, "level2") ?? "", Str(i, "name") ?? "", target,
                    Obj(i, "targetValue") is { } tv ? Value(tv) : ValueGrammar.Parse(target),
                    actual,
                    Obj(i, "actualValue") is { } av ? Value(av) : actual is null ? null : ValueGrammar.Parse(actual),
                    Dec(i, "weight"), Dec(i, "score"), Str(i, "deviation"), Int(i, "line") ?? 0));
            }
        }

        return new PerformanceForm
        {
            Kind = Kind(e, whenAbsent),
            Year = Int(e, "year"),
            Group = Str(e, "group"),
            Line = Int(e, "line") ?? 0,
            Name = Str(e, "name") ?? "",
            Nature = Str(e, "nature"),
            Category = Str(e, "category"),
            Department = Str(e, "department") ?? "",
            Unit = Str(e, "unit") ?? "",
            StartDate = Date(e, "startDate"),
            EndDate = Date(e, "endDate"),
            Funds = funds,
            Budget = budget,
            Goal = Str(e, "goal") ?? "",
            Outcome = Str(e, "outcome"),
            Indicators = indicators,
            TotalWeight = Dec(e, "totalWeight"),
            TotalScore = Dec(e, "totalScore"),
            Grade = Str(e, "grade"),
        };
    }

    private static BudgetRow? Row(JsonElement b, string name) =>
        Obj(b, name) is { } r ? new BudgetRow(Dec(r, "initial"), Dec(r, "full"), Dec(r, "executed"), Dec(r, "rate"), Dec(r, "weight"), Dec(r, "score")) : null;

    private static IndicatorValue Value(JsonElement v)
    {
        var number = Dec(v, "number");
        var text = Str(v, "text");
        if (number is null && text is null)
        {
            return IndicatorValue.Empty;
        }

        var op = Str(v, "op");
        var comparison = op is null ? (Comparison?)null
            : ComparisonSymbols.FromSymbol(op) ?? throw new JsonException($"未知的比较符号 op“{op}”：应为 ≥ > = ≤ < 之一或 null");
        return new IndicatorValue(comparison, number, Str(v, "unit"), number is null ? text : null);
    }

    private static JsonElement? Obj(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static FormKind Kind(JsonElement e, FormKind? whenAbsent)
    {
        if (!e.TryGetProperty("kind", out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return whenAbsent ?? throw new JsonException(FormKinds.UnknownWordMessage(null));
        }

        var word = v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText();
        return FormKinds.TryParse(word, out var kind) ? kind : throw new JsonException(FormKinds.UnknownWordMessage(word));
    }

    /// <summary>
    /// The kind of a FORM written by <see cref="WriteForm"/>, read from its top-level <c>kind</c> without
    /// reading the rest (lists show many drafts); throws <see cref="JsonException"/> when it is absent or unknown.
    /// </summary>
    public static FormKind ReadKind(string formJson)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(formJson);
        var reader = new Utf8JsonReader(bytes);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("表的交换 JSON 应是一个对象");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("kind"u8))
            {
                reader.Read();
                var word = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                return FormKinds.TryParse(word, out var kind) ? kind : throw new JsonException(FormKinds.UnknownWordMessage(word));
            }

            reader.Skip();
        }

        throw new JsonException(FormKinds.UnknownWordMessage(null));
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static decimal? Dec(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetDecimal(out var d) => d,
            JsonValueKind.String => decimal.TryParse(v.GetString()?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ => null,
        };
    }

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static DateOnly? Date(JsonElement e, string name) =>
        DateOnly.TryParseExact(Str(e, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
