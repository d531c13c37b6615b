using Jixiao.Application;
using Jixiao.Storage.Import;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Storage.Tests;

/// <summary>One form for its page (<c>JixiaoStore.FormPage</c>): the same form as <c>FormAsync</c>, its findings resolved, in two queries.</summary>
public sealed class FormPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_form_page_reads_the_form_findings_and_keys_like_the_detail(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer(RuleFindings.Provider()).ImportFiles([.. Seeds.All.Select(Seeds.PathOf)]);
        SetFindings.Refresh(db.Database);
        var formsWithFindings = 0;

        for (var id = 1L; id <= 80; id++)
        {
            var page = db.Store.FormPage(id);
            var detail = await db.Store.FormAsync(id);
            Assert.NotNull(page);
            Assert.NotNull(detail);
            Assert.Equal((detail.ProjectId, detail.Source, detail.Version, detail.IsCurrent), (page.ProjectId, page.Source, page.Version, page.IsCurrent));
            Assert.Equal(FormJson.Of(detail.Form), FormJson.Of(page.Form));
            Assert.Equal(detail.Findings.Select(f => (f.Id, f.Code, f.Severity, f.Message)).Order(), page.Findings.Select(f => (f.Id, f.Code, f.Severity, f.Message)).Order());
            foreach (var (finding, view) in page.Findings.Join(detail.Findings, f => f.Id, f => f.Id, (f, v) => (f, v)))
            {
                var indicator = view.IndicatorOrdinal is { } o ? detail.Form.Indicators[o] : null;
                Assert.Equal(indicator?.Name, finding.Indicator);
                Assert.Equal(indicator?.Line ?? detail.Form.Line, finding.Line);
            }

            formsWithFindings += page.Findings.Count > 0 ? 1 : 0;
        }

        Assert.True(formsWithFindings > 10, $"{formsWithFindings} forms with findings");
        Assert.Null(db.Store.FormPage(999_999));
    }

    [Fact]
    public void A_form_page_takes_two_queries()
    {
        using var db = TestDatabase.Create(TestDatabase.Sqlite);
        db.Store.Importer(RuleFindings.Provider()).ImportFile(Seeds.PathOf(Seeds.File002));

        // Listening from the start: EF decides whether to report commands when it sets up its services.
        var commands = SqlCommands.On(db.ConnectionString, () =>
        {
            db.Store.FormPage(1); // compiled on first use
            db.Store.ImportHistoryOfForm(1);
        }, () => db.Store.FormPage(2), () => db.Store.ImportHistoryOfForm(2));

        Assert.Equal(2, commands[1].Count);
        Assert.Single(commands[2]);
    }
}
