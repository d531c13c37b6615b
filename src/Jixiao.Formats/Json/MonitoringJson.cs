using System.Globalization;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Values;
using static Jixiao.Formats.Json.JsonWrite;

namespace Jixiao.Formats.Json;

/// <summary>A monitoring document that cannot be used: every problem names its field (<c>forms[0].through</c>).</summary>
public sealed class MonitoringInputException(string source, IReadOnlyList<InputProblem> problems)
    : Exception($"{source}: " + string.Join("；", problems))
{
    public string FileName { get; } = source;

    public IReadOnlyList<InputProblem> Problems { get; } = problems;
}

/// <summary>
/// Monitoring forms (<c>kind: "monitoring"</c>, shared/spec/monitoring.md) in the interchange document of
/// disclosure-json.md: read strictly (a wrong type, a month outside 1–12, a likelihood or cause outside
/// the spec's lists, a negative amount is an error naming the field, and nothing is read), written field
/// by field, optionally with the <c>monitoring</c> annotation and each indicator's <c>light</c>.
/// Forms of other kinds in the same document are kept and written back as <see cref="DisclosureJson"/> does.
/// </summary>
public static class MonitoringJson
{
    public const string Kind = "monitoring";

    /// <summary>True for a FORM element of kind <c>monitoring</c>.</summary>
    public static bool IsMonitoring(JsonElement form) =>
        form.ValueKind == JsonValueKind.Object && form.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() == Kind;

    /// <summary>True when a JSON text holds at least one monitoring form (malformed JSON: false).</summary>
    public static bool HasMonitoringForms(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, Options);
            return Documents(doc.RootElement).Any(d => Forms(d).Any(IsMonitoring));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// Reads a document (or an array of them). Throws <see cref="JsonException"/> on malformed JSON and
    /// <see cref="MonitoringInputException"/> with every problem when a monitoring form is not valid.
    /// </summary>
    public static IReadOnlyList<MonitoringDocument> Read(string json, string source, MonitoringPolicy? policy = null)
    {
        policy ??= MonitoringPolicy.Default;
        using var doc = JsonDocument.Parse(json, Options);
        var documents = Documents(doc.RootElement).ToList();
        var problems = new List<InputProblem>();
        var result = new List<MonitoringDocument>();
        for (var d = 0; d < documents.Count; d++)
        {
            var prefix = doc.RootElement.ValueKind == JsonValueKind.Array ? $"[{d}]." : "";
            result.Add(ReadDocument(documents[d], source, prefix, policy, problems));
        }

        if (problems.Count > 0)
        {
            throw new MonitoringInputException(source, problems);
        }

        return result;
    }

    /// <summary>
    /// One FORM of kind <c>monitoring</c> read field by field without throwing: a wrong field is left out and
    /// named in <paramref name="problems"/> (<c>through</c>, <c>indicators[0].likelihood</c> …). The checks of
    /// <see cref="MonitoringValidation"/> are left to the caller, so a form still being filled in (no executed
    /// amount yet) reads back as stored.
    /// </summary>
    public static MonitoringForm ReadForm(JsonElement form, out IReadOnlyList<InputProblem> problems)
    {
        var found = new List<InputProblem>();
        var read = new FieldReader(found, "").Form(form);
        problems = found;
        return read;
    }

    private static IEnumerable<JsonElement> Documents(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : [root];

    private static IEnumerable<JsonElement> Forms(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object && document.TryGetProperty("forms", out var fs) && fs.ValueKind == JsonValueKind.Array
            ? fs.EnumerateArray()
            : IsMonitoring(document) ? [document] : [];

    private static MonitoringDocument ReadDocument(JsonElement e, string source, string prefix, MonitoringPolicy policy, List<InputProblem> problems)
    {
        var forms = new List<MonitoringForm>();
        var others = new List<(int, PerformanceForm)>();
        var position = 0;
        var single = !(e.ValueKind == JsonValueKind.Object && e.TryGetProperty("forms", out _));
        foreach (var f in Forms(e))
        {
            if (IsMonitoring(f))
            {
                var reader = new FieldReader(problems, single ? prefix : $"{prefix}forms[{position}].");
                var form = reader.Form(f);
                var named = problems.Select(p => p.Field).ToHashSet();
                problems.AddRange(MonitoringValidation.Problems(form, policy)
                    .Select(p => p with { Field = reader.Prefix + p.Field }).Where(p => !named.Contains(p.Field)));
                forms.Add(form);
            }
            else
            {
                others.Add((position, DisclosureJson.ReadForm(f)));
            }

            position++;
        }

        var diagnostics = new List<Diagnostic>();
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("diagnostics", out var ds) && ds.ValueKind == JsonValueKind.Array)
        {
            foreach (var d in ds.EnumerateArray())
            {
                var severity = FieldReader.Text(d, "severity") switch { "error" => Severity.Error, "info" => Severity.Info, _ => Severity.Warning };
                var line = d.ValueKind == JsonValueKind.Object && d.TryGetProperty("line", out var l) && l.TryGetInt32(out var n) ? n : 0;
                diagnostics.Add(new Diagnostic(severity, line, FieldReader.Text(d, "code") ?? "", FieldReader.Text(d, "message") ?? ""));
            }
        }

        var name = e.ValueKind == JsonValueKind.Object ? FieldReader.Text(e, "source") : null;
        return new MonitoringDocument(name ?? source, forms, diagnostics, others.Count > 0 ? others : null);
    }

    /// <summary>Reads the fields of one monitoring form, recording a problem for each wrong one.</summary>
    private sealed class FieldReader(List<InputProblem> problems, string prefix)
    {
        public string Prefix => prefix;

        public MonitoringForm Form(JsonElement e)
        {
            var through = Int(e, "through", "截至月份");
            if (!e.TryGetProperty("through", out var t) || t.ValueKind == JsonValueKind.Null)
            {
                Problem("through", "缺少截至月份（1–12）");
            }

            MonitoringBasis? basis = null;
            if (Object(e, "basedOn", "所依据的目标申报表") is { } b)
            {
                basis = new MonitoringBasis(String(b, "name", "basedOn.name") ?? "", Int(b, "year", "basedOn.year", "年度"));
            }

            var budget = new MonitoringBudget(null);
            if (Object(e, "budget", "资金") is { } m)
            {
                budget = new MonitoringBudget(Row(m, "total"), Row(m, "currentYear"), Row(m, "other"));
            }

            var indicators = new List<MonitoringIndicator>();
            if (Has(e, "indicators") && e.GetProperty("indicators") is var list && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    Problem("indicators", "须为数组");
                }
                else
                {
                    var k = 0;
                    foreach (var i in list.EnumerateArray())
                    {
                        indicators.Add(Indicator(i, $"indicators[{k++}]."));
                    }
                }
            }

            return new MonitoringForm
            {
                Year = Int(e, "year", "年度"),
                Through = through ?? 0,
                Line = Int(e, "line", "行号") ?? 0,
                Name = String(e, "name") ?? "",
                Department = String(e, "department") ?? "",
                Unit = String(e, "unit") ?? "",
                DepartmentCode = String(e, "departmentCode"),
                BasedOn = basis,
                Budget = budget,
                Goal = String(e, "goal") ?? "",
                GoalProgress = String(e, "goalProgress"),
                Indicators = indicators,
            };
        }

        private MonitoringIndicator Indicator(JsonElement i, string at)
        {
            if (i.ValueKind != JsonValueKind.Object)
            {
                Problem(at.TrimEnd('.'), "须为对象");
                return new MonitoringIndicator { Name = "" };
            }

            var target = String(i, "target", at + "target") ?? "";
            var causes = new List<DeviationCause>();
            if (Has(i, "causes") && i.GetProperty("causes") is var cs && cs.ValueKind != JsonValueKind.Null)
            {
                if (cs.ValueKind != JsonValueKind.Array)
                {
                    Problem(at + "causes", $"须为数组，取值 {string.Join("、", MonitoringWords.CauseCodes)}");
                }
                else
                {
                    var k = 0;
                    foreach (var c in cs.EnumerateArray())
                    {
                        var causeCode = c.ValueKind == JsonValueKind.String ? c.GetString() : c.GetRawText();
                        if (MonitoringWords.CauseFromCode(causeCode) is { } cause)
                        {
                            if (!causes.Contains(cause))
                            {
                                causes.Add(cause);
                            }
                        }
                        else
                        {
                            Problem($"{at}causes[{k}]", $"偏差原因“{causeCode}”不在 {string.Join("、", MonitoringWords.CauseCodes)} 之中");
                        }

                        k++;
                    }
                }
            }

            Likelihood? likelihood = null;
            if (String(i, "likelihood", at + "likelihood") is { } code)
            {
                likelihood = MonitoringWords.LikelihoodFromCode(code);
                if (likelihood is null)
                {
                    Problem(at + "likelihood", $"完成目标可能性“{code}”不在 {string.Join("、", MonitoringWords.LikelihoodCodes)} 之中");
                }
            }

            return new MonitoringIndicator
            {
                Level1 = String(i, "level1", at + "level1") ?? "",
                Level2 = String(i, "level2", at + "level2") ?? "",
                Name = String(i, "name", at + "name") ?? "",
                Target = target,
                TargetValue = ValueGrammar.Parse(target),
                Actual = String(i, "actual", at + "actual"),
                Forecast = String(i, "forecast", at + "forecast"),
                Causes = causes,
                CauseText = String(i, "causeText", at + "causeText"),
                Likelihood = likelihood,
                Note = String(i, "note", at + "note"),
                Line = Int(i, "line", at + "line", "行号") ?? 0,
            };
        }

        private MonitoringBudgetRow? Row(JsonElement budget, string name)
        {
            var at = $"budget.{name}";
            if (Object(budget, name, at) is not { } r)
            {
                return null;
            }

            return new MonitoringBudgetRow(
                Amount(r, "initial", at), Amount(r, "full", at), Amount(r, "executed", at), Amount(r, "rate", at), Amount(r, "forecast", at),
                String(r, "causeText", $"{at}.causeText"));
        }

        private decimal? Amount(JsonElement row, string name, string at)
        {
            if (!row.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
            {
                return d;
            }

            if (v.ValueKind == JsonValueKind.String
                && decimal.TryParse(v.GetString()?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var s))
            {
                return s;
            }

            Problem($"{at}.{name}", $"金额须为数字，实为 {v.GetRawText()}");
            return null;
        }

        private int? Int(JsonElement e, string name, string label) => Int(e, name, name, label);

        private int? Int(JsonElement e, string name, string at, string label)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i))
            {
                return i;
            }

            Problem(at, $"{label}须为整数，实为 {v.GetRawText()}");
            return null;
        }

        private string? String(JsonElement e, string name, string? at = null)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.String)
            {
                return v.GetString();
            }

            if (v.ValueKind == JsonValueKind.Number)
            {
                return v.GetRawText();
            }

            Problem(at ?? name, $"须为字符串，实为 {v.GetRawText()}");
            return null;
        }

        private JsonElement? Object(JsonElement e, string name, string at)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.Object)
            {
                Problem(at, $"须为对象，实为 {v.GetRawText()}");
                return null;
            }

            return v;
        }

        private static bool Has(JsonElement e, string name) => e.TryGetProperty(name, out _);

        private void Problem(string field, string message) => problems.Add(new InputProblem(prefix + field, message));

        public static string? Text(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    // ---- writing ------------------------------------------------------------------------------------

    public static void Write(Stream stream, IReadOnlyList<MonitoringDocument> documents, Func<MonitoringForm, MonitoringAssessment?>? annotate = null)
    {
        using var w = new Utf8JsonWriter(stream, DisclosureJson.WriterOptions);
        if (documents.Count == 1)
        {
            WriteDocument(w, documents[0], annotate);
            return;
        }

        w.WriteStartArray();
        foreach (var d in documents)
        {
            WriteDocument(w, d, annotate);
        }

        w.WriteEndArray();
    }

    public static string ToJson(MonitoringDocument document, Func<MonitoringForm, MonitoringAssessment?>? annotate = null)
    {
        using var ms = new MemoryStream();
        Write(ms, [document], annotate);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static void WriteDocument(Utf8JsonWriter w, MonitoringDocument document, Func<MonitoringForm, MonitoringAssessment?>? annotate = null)
    {
        w.WriteStartObject();
        w.WriteString("schema", DisclosureJson.Schema);
        w.WriteString("source", document.Source);
        w.WriteStartArray("forms");
        var others = document.Others ?? [];
        int o = 0, m = 0;
        for (var position = 0; position < document.Forms.Count + others.Count; position++)
        {
            if (o < others.Count && (others[o].Position == position || m >= document.Forms.Count))
            {
                DisclosureJson.WriteForm(w, others[o++].Form);
            }
            else
            {
                var form = document.Forms[m++];
                WriteForm(w, form, annotate?.Invoke(form));
            }
        }

        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var d in document.Diagnostics)
        {
            DisclosureJson.WriteDiagnostic(w, d);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One form as its interchange JSON text, Chinese kept as text: what storage keeps (the web app's records, <c>jixiao import</c>).</summary>
    public static string FormJson(MonitoringForm form)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteForm(w, form);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteForm(Utf8JsonWriter w, MonitoringForm f, MonitoringAssessment? assessment = null)
    {
        w.WriteStartObject();
        w.WriteString("kind", Kind);
        Number(w, "year", f.Year);
        w.WriteNumber("through", f.Through);
        w.WriteNumber("line", f.Line);
        w.WriteString("name", f.Name);
        w.WriteString("department", f.Department);
        w.WriteString("unit", f.Unit);
        w.WriteString("departmentCode", f.DepartmentCode);
        if (f.BasedOn is { } basis)
        {
            w.WriteStartObject("basedOn");
            w.WriteString("name", basis.Name);
            Number(w, "year", basis.Year);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("basedOn");
        }

        w.WriteStartObject("budget");
        Row(w, "total", f.Budget.Total);
        Row(w, "currentYear", f.Budget.CurrentYear);
        Row(w, "other", f.Budget.Other);
        w.WriteEndObject();
        w.WriteString("goal", f.Goal);
        w.WriteString("goalProgress", f.GoalProgress);
        w.WriteStartArray("indicators");
        for (var k = 0; k < f.Indicators.Count; k++)
        {
            WriteIndicator(w, f.Indicators[k], assessment?.Indicators[k]);
        }

        w.WriteEndArray();
        if (assessment is not null)
        {
            var b = assessment.Budget;
            w.WriteStartObject("monitoring");
            w.WriteString("policy", assessment.Policy.Name);
            w.WriteNumber("timeProgress", b.TimeProgress);
            w.WriteNumber("rate", b.Rate);
            w.WriteString("budgetLight", b.Light.Code());
            w.WriteString("light", assessment.Light.Code());
            w.WriteNumber("lag", b.Lag);
            w.WriteString("base", b.BaseLabel == "调整后预算数" ? "full" : "initial");
            Number(w, "forecastShare", b.ForecastShare);
            w.WriteString("budgetReason", b.Reason);
            w.WriteString("reason", assessment.Reason);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter w, MonitoringIndicator i, IndicatorAssessment? assessment)
    {
        w.WriteStartObject();
        w.WriteString("level1", i.Level1);
        w.WriteString("level2", i.Level2);
        w.WriteString("name", i.Name);
        w.WriteString("target", i.Target);
        w.WritePropertyName("targetValue");
        Value(w, i.TargetValue);
        w.WriteString("actual", i.Actual);
        w.WritePropertyName("actualValue");
        Value(w, i.ActualValue);
        w.WriteString("forecast", i.Forecast);
        w.WritePropertyName("forecastValue");
        Value(w, i.ForecastValue);
        w.WriteStartArray("causes");
        foreach (var c in i.Causes)
        {
            w.WriteStringValue(c.Code());
        }

        w.WriteEndArray();
        w.WriteString("causeText", i.CauseText);
        w.WriteString("likelihood", i.Likelihood?.Code());
        w.WriteString("note", i.Note);
        w.WriteNumber("line", i.Line);
        if (assessment is not null)
        {
            w.WriteString("light", assessment.Light.Code());
            w.WriteString("lightReason", assessment.Reason);
        }

        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, IndicatorValue? v)
    {
        if (v is null)
        {
            w.WriteNullValue();
            return;
        }

        JsonWrite.Value(w, v);
    }

    private static void Row(Utf8JsonWriter w, string name, MonitoringBudgetRow? row)
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
        Number(w, "forecast", row.Forecast);
        if (name == "total" || row.CauseText is not null)
        {
            w.WriteString("causeText", row.CauseText);
        }

        w.WriteEndObject();
    }
}
