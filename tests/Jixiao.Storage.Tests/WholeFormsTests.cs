using Jixiao.Application;
using Jixiao.Domain.Model;
using Jixiao.Storage.Import;
using Jixiao.Storage.Queries;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Storage.Tests;

/// <summary>Whole forms in batches (<c>JixiaoStore.Forms</c>): the same forms, keys and sources as <c>FormPage</c> one by one.</summary>
public sealed class WholeFormsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void Whole_forms_in_batches_are_the_form_pages_in_the_order_asked(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer(RuleFindings.Provider()).ImportFiles([.. Seeds.All.Select(Seeds.PathOf)]);

        List<long> stored;
        using (var c = db.Database.CreateContext())
        {
            stored = [.. c.Forms.OrderByDescending(f => f.Id).Select(f => f.Id)];
        }

        // Every seed form, last first, each after two ids with no form, then past a chunk of more missing ones, then one asked again.
        var ids = stored.SelectMany(id => new[] { 10_000_000 + id, 20_000_000 + id, id }).ToList();
        ids.AddRange(Enumerable.Range(30_000_000, 2 * JixiaoStore.IdChunk).Select(id => (long)id));
        ids.Add(stored[^1]);

        var forms = db.Store.Forms(ids);

        Assert.Equal(80, stored.Count);
        Assert.Equal([.. stored, stored[^1]], forms.Select(f => f.Id));
        foreach (var whole in forms)
        {
            var page = db.Store.FormPage(whole.Id)!;
            Assert.Equal((page.ProjectId, page.UnitId, page.Source, page.Version, page.IsCurrent), (whole.ProjectId, whole.UnitId, whole.Source, whole.Version, whole.IsCurrent));
            Assert.Equal(FormJson.Of(page.Form), FormJson.Of(whole.Form));
        }

        var inspection = forms.First(f => f.Form.Name == "药械化稽查综合检查");
        Assert.Equal((Seeds.File002, FormKind.SelfEvaluation, 2023, 23, 93.42m), (inspection.Source, inspection.Form.Kind, inspection.Form.Year, inspection.Form.Indicators.Count, inspection.Form.TotalScore));
        Assert.NotNull(inspection.Form.Budget?.Total);
        Assert.Equal(
            [(Seeds.File000, 7), (Seeds.File001, 34), (Seeds.File002, 9), (Seeds.File003, 15), (Seeds.File004, 15)],
            forms.Take(80).GroupBy(f => f.Source).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.Empty(db.Store.Forms([]));
    }

    [Fact]
    public void Whole_forms_take_three_queries_per_chunk_of_ids()
    {
        using var db = TestDatabase.Create(TestDatabase.Sqlite);
        db.Store.Importer(RuleFindings.Provider()).ImportFiles([.. Seeds.All.Select(Seeds.PathOf)]);
        List<long> seeds = [.. Enumerable.Range(1, 80).Select(id => (long)id)];
        List<long> many = [.. Enumerable.Range(1, 2 * JixiaoStore.IdChunk + 500).Select(id => (long)id)];

        var commands = SqlCommands.On(db.ConnectionString, () => db.Store.Forms(seeds), () => db.Store.Forms(seeds), () => db.Store.Forms(many));

        Assert.Equal(3, commands[1].Count);
        Assert.Equal(9, commands[2].Count);
    }
}
