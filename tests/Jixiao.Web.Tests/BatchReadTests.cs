using System.Text.Json;
using AngleSharp;
using Jixiao.Formats.Xlsx;
using Jixiao.Tests.Support;
using Jixiao.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// The reads that batch what they once loaded form by form — the findings API's sources, the department summary, a
/// unit's workbook — give what the forms one by one give.
/// </summary>
public sealed class BatchReadTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Bureau = "上海市医疗保障局";

    private IReadModel Data => web.Services.GetRequiredService<IReadModel>();

    [Theory]
    [InlineData("target.lowered", "000_0566b1444b6cfa51.txt 9|003_a4356b7dd69fd992.txt 2")]
    [InlineData("target.vague", "000_0566b1444b6cfa51.txt 3|001_cd18a4592b4a1564.txt 21|002_82a1708c82188c30.txt 11|003_a4356b7dd69fd992.txt 11|004_d73c41b42aa5f1cf.txt 44")]
    public async Task The_findings_api_names_the_document_of_each_finding_as_its_form_does(string code, string bySource)
    {
        using var client = web.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/findings?pageSize=500&code=" + code));

        var findings = json.RootElement.GetProperty("items").EnumerateArray()
            .Select(f => (Source: f.GetProperty("source").GetString()!, FormId: f.GetProperty("formId").GetInt64())).ToList();
        Assert.Equal(bySource, string.Join("|", findings.GroupBy(f => f.Source).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        Assert.All(findings, f => Assert.Equal(Data.Form(f.FormId)!.Source, f.Source));
    }

    [Fact]
    public async Task The_department_summary_of_2023_shares_its_forms_among_four_units()
    {
        using var client = web.CreateClient();

        var html = await client.GetStringAsync("/summary?department=" + Uri.EscapeDataString(Bureau) + "&year=2023");

        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
        Assert.Equal("34", page.QuerySelector("#sum-targets")!.TextContent);
        Assert.Equal("124,634,422.00", page.QuerySelector("#sum-funds")!.TextContent);
        Assert.Equal("0", page.QuerySelector("#sum-evaluated")!.TextContent);
        // Counted by the database, as many as the findings of the scope listed one by one.
        var findings = Data.Findings(new Scope(2023, Bureau), limit: int.MaxValue).Count;
        Assert.True(findings > 0);
        Assert.Equal(findings, Data.FindingCount(new Scope(2023, Bureau)));
        Assert.Equal(findings.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#sum-findings")!.TextContent);
        Assert.Equal(
            [
                "上海市医疗保险事业管理中心 13 88,877,908.00 0 —",
                "上海市医疗保障局 12 19,620,200.00 0 —",
                "上海市医疗保障局监督检查所 2 3,321,000.00 0 —",
                "上海市医药集中招标采购事务管理所（上海医药采购中心） 7 12,815,314.00 0 —",
            ],
            page.QuerySelectorAll("table.list tbody tr").Select(tr => string.Join(" ", tr.QuerySelectorAll("td").Select(td => td.TextContent))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Whole_forms_of_a_list_are_its_forms_read_one_by_one()
    {
        var insurance = Data.Units(new Scope()).Single(u => u.Name == "上海市医疗保险事业管理中心").Id;
        foreach (var (scope, count) in new[] { (new Scope(), 80), (new Scope(2023, Bureau), 34), (new Scope(UnitId: insurance), 28), (new Scope(2024, UnitId: insurance), 15) })
        {
            var whole = Data.WholeForms(scope);

            var one = Data.Forms(scope).Select(r => Data.Form(r.Id)!).ToList();
            Assert.Equal(count, whole.Count);
            Assert.Equal(one.Select(f => (f.Id, f.ProjectId, f.UnitId, f.Source, f.Version)), whole.Select(f => (f.Id, f.ProjectId, f.UnitId, f.Source, f.Version)));
            Assert.Equal(one.Select(f => FormJson.Of(f.Form)), whole.Select(f => FormJson.Of(f.Form)));
        }
    }

    [Fact]
    public async Task A_unit_workbook_holds_its_forms_in_list_order_with_their_scores()
    {
        var unit = Data.Units(new Scope()).Single(u => u.Name == "上海市医疗保险事业管理中心").Id;
        using var client = web.CreateClient();

        var all = XlsxImporter.Read(await client.GetByteArrayAsync($"/units/{unit}/xlsx"), "unit.xlsx").Forms;
        var evaluated = XlsxImporter.Read(await client.GetByteArrayAsync($"/units/{unit}/xlsx?year=2024"), "unit.xlsx").Forms;

        Assert.Equal(Data.Forms(new Scope(UnitId: unit)).Select(f => (f.Name, f.Year, f.TotalScore)), all.Select(f => (f.Name, f.Year, f.TotalScore)));
        Assert.Equal(28, all.Count);
        Assert.Equal(15, evaluated.Count);
        Assert.Equal(1488.86m, evaluated.Sum(f => f.TotalScore));
        Assert.Equal(88_877_908.00m, all.Where(f => f.Year == 2023).Sum(f => f.Funds?.AnnualTotal));
    }
}
