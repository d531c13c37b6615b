using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Json;
using Jixiao.Formats.Layout;
using Jixiao.Formats.Xlsx;
using Jixiao.Tests.Exchange;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reading;

/// <summary>
/// One vocabulary (issue 12): every comparison spelling and every FormKind word is read through one table
/// (<see cref="ComparisonOperators"/>, <see cref="FormKinds"/>), so the grammar, the readers, JSON and XLSX agree.
/// </summary>
public class VocabularyTests
{
    /// <summary>Every spelling the forms use, with its canonical symbol.</summary>
    public static readonly TheoryData<string, string> Spellings = new()
    {
        { "≥", "≥" }, { "≧", "≥" }, { "⩾", "≥" }, { ">=", "≥" }, { "＞＝", "≥" }, { ">＝", "≥" }, { "＞=", "≥" },
        { "≤", "≤" }, { "≦", "≤" }, { "⩽", "≤" }, { "<=", "≤" }, { "＜＝", "≤" }, { "<＝", "≤" }, { "＜=", "≤" },
        { ">", ">" }, { "＞", ">" },
        { "<", "<" }, { "＜", "<" },
        { "=", "=" }, { "＝", "=" },
    };

    [Fact]
    public void The_table_holds_exactly_the_listed_spellings()
    {
        var listed = Spellings.Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        Assert.Equal(listed, ComparisonOperators.Spellings.Select(s => s.Text).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Every_spelling_reads_as_its_canonical_comparison(string spelling, string canonical)
    {
        Assert.True(ComparisonOperators.TryRead(spelling + "95%", out var comparison, out var length));
        Assert.Equal(canonical, comparison.Symbol());
        Assert.Equal(spelling.Length, length);
        Assert.Equal(ComparisonSymbols.FromSymbol(canonical), comparison);
        if (spelling.Length == 1)
        {
            Assert.Equal(canonical, ComparisonOperators.Canonical(spelling[0]).ToString());
        }
    }

    /// <summary>The grammar, the line reader, the XLSX reader and the layout reader accept every spelling alike.</summary>
    [Theory]
    [MemberData(nameof(Spellings))]
    public void Every_consumer_accepts_every_spelling(string spelling, string canonical)
    {
        var expected = new IndicatorValue(ComparisonSymbols.FromSymbol(canonical), 95m, "%", null);
        Assert.Equal(expected, ValueGrammar.Parse(spelling + "95%"));
        Assert.True(LineTableReader.StartsWithOperator(spelling + "95%"));

        var doc = XlsxImporter.Read(TemplateImportTests.FilledTemplate(d14: spelling + "95%"), "spelling.xlsx");
        Assert.Empty(doc.Diagnostics);
        Assert.Equal(expected, Assert.Single(doc.Forms).Indicators[2].TargetValue);

        // The layout reader unifies operators as text enters it; what it keeps parses the same.
        Assert.Equal(expected, ValueGrammar.Parse(TextNormaliser.Normalize(spelling + "95%")));
    }

    [Theory]
    [InlineData("⩾")]
    [InlineData("≧")]
    public void A_seed_with_another_spelling_of_at_least_reads_to_the_same_values(string spelling)
    {
        foreach (var seed in Seeds.All)
        {
            var original = Seeds.Read(seed);
            var respelled = DisclosureReader.Read(Seeds.Text(seed).Replace("≥", spelling, StringComparison.Ordinal), seed);
            Assert.Equal(original.Forms.Count, respelled.Forms.Count);
            for (var f = 0; f < original.Forms.Count; f++)
            {
                Assert.Equal(original.Forms[f].Indicators.Select(i => i.TargetValue), respelled.Forms[f].Indicators.Select(i => i.TargetValue));
            }
        }
    }

    [Fact]
    public void Every_kind_has_a_word_a_title_and_a_name_that_read_back()
    {
        Assert.Equal(Enum.GetValues<FormKind>(), FormKinds.All);
        foreach (var kind in FormKinds.All)
        {
            Assert.Equal(kind, FormKinds.Parse(FormKinds.Word(kind)));
            Assert.Equal(kind, FormKinds.FromTitle(FormKinds.Title(kind)));
            Assert.Equal(kind, FormKinds.FromTitleTail(FormKinds.Title(kind)));
            Assert.Equal(kind, FormKinds.FromLabel(FormKinds.Name(kind)));
        }

        Assert.Equal(("target", "selfEvaluation"), (FormKinds.Word(FormKind.Target), FormKinds.Word(FormKind.SelfEvaluation)));
    }

    [Theory]
    [InlineData("monitoring")]
    [InlineData("Target")]
    [InlineData("")]
    public void An_unknown_kind_word_is_an_error_naming_it(string word)
    {
        Assert.False(FormKinds.TryParse(word, out _));
        var error = Assert.Throws<FormatException>(() => FormKinds.Parse(word));
        Assert.Contains($"\"{word}\"", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => FormKinds.Word((FormKind)99));
    }

    [Fact]
    public void Json_with_an_unknown_kind_throws_naming_it_and_never_defaults()
    {
        var error = Assert.Throws<JsonException>(() => DisclosureJson.Read("""{"forms":[{"kind":"quarterly","name":"x","indicators":[]}]}""", "x.json"));
        Assert.Contains("\"quarterly\"", error.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => DisclosureJson.Read("""{"forms":[{"name":"no kind","indicators":[]}]}""", "x.json"));

        using var noKind = JsonDocument.Parse("""{"name":"no kind"}""");
        Assert.Equal(FormKind.Target, DisclosureJson.ReadForm(noKind.RootElement, whenAbsent: FormKind.Target).Kind);
        Assert.Throws<JsonException>(() => DisclosureJson.ReadForm(noKind.RootElement));
    }

    [Theory]
    [InlineData(">=")]
    [InlineData("⩾")]
    [InlineData("at least")]
    public void Json_with_an_unknown_op_throws_naming_it_and_never_drops_it(string op)
    {
        var json = $$$"""{"forms":[{"kind":"target","name":"x","indicators":[{"level1":"产出指标","level2":"数量指标","name":"n","target":"≥95%","targetValue":{"op":"{{{op}}}","number":95,"unit":"%","text":null}}]}]}""";

        var error = Assert.Throws<JsonException>(() => DisclosureJson.Read(json, "x.json"));

        Assert.Contains($"“{op}”", error.Message, StringComparison.Ordinal);
        Assert.Equal(Comparison.AtLeast, DisclosureJson.Read(json.Replace(op, "≥", StringComparison.Ordinal), "x.json")[0].Forms[0].Indicators[0].TargetValue.Op);
    }

    [Fact]
    public void The_kind_of_a_stored_form_json_is_read_from_its_kind_property_only()
    {
        // A name that spells the old marker does not make a target a self-evaluation.
        var form = new PerformanceForm { Kind = FormKind.Target, Name = "\"kind\":\"selfEvaluation\"" };
        Assert.Equal(FormKind.Target, DisclosureJson.ReadKind(JsonOf(form)));
        Assert.Equal(FormKind.SelfEvaluation, DisclosureJson.ReadKind(JsonOf(form with { Kind = FormKind.SelfEvaluation })));
        Assert.Contains("\"monitoring\"", Assert.Throws<JsonException>(() => DisclosureJson.ReadKind("""{"name":"x","kind":"monitoring"}""")).Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => DisclosureJson.ReadKind("""{"name":"x"}"""));
    }

    [Fact]
    public void A_workbook_with_an_unknown_form_type_is_an_error_at_its_cell()
    {
        var doc = XlsxImporter.Read(TemplateImportTests.FilledTemplate(type: "绩效监控表"), "monitor.xlsx");

        Assert.Empty(doc.Forms);
        var error = Assert.Single(doc.Diagnostics, d => d.Code == "xlsx-unknown-form-type");
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("Sheet1!B1: 表类型 \"绩效监控表\" 不是已知的表类型（应为 目标申报表 或 自评表），该工作表未读取", error.Message);
    }

    [Theory]
    [InlineData("目标申报表", FormKind.Target)]
    [InlineData("自评表", FormKind.SelfEvaluation)]
    [InlineData("selfEvaluation", FormKind.SelfEvaluation)]
    public void A_workbook_form_type_in_any_known_word_is_read(string type, FormKind kind)
    {
        var doc = XlsxImporter.Read(TemplateImportTests.FilledTemplate(type: type), "typed.xlsx");
        Assert.Equal(kind, Assert.Single(doc.Forms).Kind);
    }

    private static string JsonOf(PerformanceForm form)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            DisclosureJson.WriteForm(w, form);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
