using Jixiao.Storage.Queries;
using Jixiao.Tests.Support;
using Jixiao.Web.Data;
using Xunit;

namespace Jixiao.Web.Tests;

/// <summary>The cache of costly reads: kept per data generation, which the web's imports and any import's audit line move on.</summary>
public sealed class ReadCacheTests
{
    [Fact]
    public void An_entry_is_kept_until_the_generation_or_the_watermark_moves()
    {
        var watermark = 1L;
        using var cache = new ReadCache(() => watermark);
        var computed = 0;
        int Read() => cache.Get("k", () => ++computed);

        Assert.Equal((1, 1), (Read(), Read()));
        cache.Invalidate();
        Assert.Equal((2, 2), (Read(), Read()));
        watermark = 2;
        Assert.Equal((3, 3), (Read(), Read()));
    }

    [Fact]
    public async Task Concurrent_readers_of_a_missing_entry_compute_it_once_and_a_failure_is_not_kept()
    {
        using var cache = new ReadCache();
        var computed = 0;
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.Get("slow", () =>
        {
            Interlocked.Increment(ref computed);
            Thread.Sleep(100);
            return 42;
        }))));

        Assert.All(results, r => Assert.Equal(42, r));
        Assert.Equal(1, computed);
        Assert.Throws<InvalidOperationException>(() => cache.Get<int>("bad", () => throw new InvalidOperationException()));
        Assert.Equal(7, cache.Get("bad", () => 7));
    }

    [Fact]
    public void The_dashboard_shows_an_import_through_the_web_at_once_and_one_by_another_process_by_its_audit_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-cache-{Guid.NewGuid():N}.db");
        try
        {
            var store = JixiaoStore.Open($"Data Source={file}");
            store.Database.Migrate();
            using var cache = new ReadCache(store.ImportWatermark);
            var data = new StoreReadModel(store, cache);
            var importer = new StoreImporter(store, cache);
            store.Importer().ImportFile(Seeds.PathOf(Seeds.File002));
            var first = data.Dashboard(new Scope());

            var web = importer.Import(File.ReadAllBytes(Seeds.PathOf(Seeds.File000)), Seeds.File000, "tester");
            var afterWeb = data.Dashboard(new Scope());
            store.Importer().ImportFile(Seeds.PathOf(Seeds.File003)); // as the CLI would, in another process
            var afterCli = data.Dashboard(new Scope());

            Assert.True(web.Imported);
            Assert.Same(afterCli, data.Dashboard(new Scope()));
            Assert.Equal(
                [9, 9 + 7, 9 + 7 + 15],
                new[] { first, afterWeb, afterCli }.Select(d => d.TargetForms + d.SelfEvaluations));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}
