using Jixiao.Application;
using Jixiao.Storage.Queries;
using Jixiao.Tests.Support;
using Jixiao.Web.Data;
using Microsoft.Extensions.Logging;
using Xunit;
using ZiggyCreatures.Caching.Fusion;

namespace Jixiao.Web.Tests;

/// <summary>The cache of costly reads: kept per data generation, which the web's imports and any import's audit line move on.</summary>
public sealed class ReadCacheTests
{
    [Fact]
    public async Task An_entry_is_kept_until_the_generation_or_the_watermark_moves()
    {
        var watermark = 1L;
        using var cache = new ReadCache(_ => Task.FromResult(Interlocked.Read(ref watermark)));
        var computed = 0;
        Task<int> Read() => cache.GetAsync("k", _ => Task.FromResult(Interlocked.Increment(ref computed)));

        Assert.Equal((1, 1), (await Read(), await Read()));
        cache.Invalidate();
        Assert.Equal((2, 2), (await Read(), await Read()));
        Interlocked.Exchange(ref watermark, 2); // another process's import: recomputed (at once, as it is quick)
        Assert.Equal((3, 3), (await Read(), await Read()));
        Assert.Equal(3, computed);
    }

    [Fact]
    public async Task A_stale_value_is_served_while_one_recomputation_runs_in_the_background_then_the_new_one()
    {
        var watermark = 1L;
        using var cache = new ReadCache(_ => Task.FromResult(Interlocked.Read(ref watermark)));
        var compute = new GatedComputation();
        Assert.Equal(1, await cache.GetAsync("k", compute.Run));

        Interlocked.Exchange(ref watermark, 2);
        compute.Blocking = true;
        var done = BackgroundDone(cache);
        Assert.Equal(1, await cache.GetAsync("k", compute.Run));
        await compute.Entered();
        var during = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetAsync("k", compute.Run))));

        Assert.All(during, v => Assert.Equal(1, v));
        Assert.Equal(2, compute.Count); // the first and one recomputation, however many read meanwhile
        compute.Release();
        Assert.True(await done);
        Assert.Equal((2, 2), (await cache.GetAsync("k", compute.Run), compute.Count));
        Assert.Equal(1, compute.MostAtOnce);
    }

    [Fact]
    public async Task A_failed_recomputation_keeps_the_old_value_and_is_logged()
    {
        var watermark = 1L;
        var log = new ListLogger();
        using var cache = new ReadCache(_ => Task.FromResult(Interlocked.Read(ref watermark)), log);
        var compute = new GatedComputation();
        Assert.Equal(1, await cache.GetAsync("k", compute.Run));

        Interlocked.Exchange(ref watermark, 2);
        compute.Failure = new InvalidOperationException("database gone");
        Assert.Equal(1, await cache.GetAsync("k", compute.Run));
        Assert.Equal(1, await cache.GetAsync("k", compute.Run)); // kept; not retried before ReadCache.RetryAfter

        Assert.Equal(2, compute.Count);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Exception?.Message == "database gone");
    }

    [Fact]
    public async Task An_invalidation_by_this_process_is_never_served_stale_even_while_a_background_recomputation_runs()
    {
        var watermark = 1L;
        using var cache = new ReadCache(_ => Task.FromResult(Interlocked.Read(ref watermark)));
        var compute = new GatedComputation();
        Assert.Equal(1, await cache.GetAsync("k", compute.Run));
        Interlocked.Exchange(ref watermark, 2);
        compute.Blocking = true;
        Assert.Equal(1, await cache.GetAsync("k", compute.Run)); // recomputation 2 runs, held at the gate
        await compute.Entered();

        cache.Invalidate(); // as the web importer does after its commit
        compute.Blocking = false;
        var reads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => cache.GetAsync("k", compute.Run))));
        compute.Release();

        // Not the old value, nor the one of the recomputation started before the invalidation: a new one, computed once.
        Assert.All(reads, v => Assert.Equal(3, v));
        Assert.Equal((3, 3), (await cache.GetAsync("k", compute.Run), compute.Count));
    }

    [Fact]
    public async Task Concurrent_readers_of_a_missing_entry_compute_it_once_and_a_failure_is_not_kept()
    {
        const int readers = 15;
        using var cache = new ReadCache();
        var compute = new GatedComputation { Blocking = true };
        var first = cache.GetAsync("slow", compute.Run);
        await compute.Entered(); // the first reader computes, held at the gate
        var others = Enumerable.Range(0, readers).Select(_ => Task.Run(() => cache.GetAsync("slow", compute.Run))).ToList();

        Assert.DoesNotContain(others, t => t.IsCompleted); // none can have a value while the one computation is held
        compute.Blocking = false; // a second computation would not wait, and would count
        compute.Release();
        var results = await Task.WhenAll([first, .. others]);

        Assert.All(results, r => Assert.Equal(1, r));
        Assert.Equal((1, 1), (compute.Count, compute.MostAtOnce));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync<int>("bad", _ => throw new InvalidOperationException()));
        Assert.Equal(7, await cache.GetAsync("bad", _ => Task.FromResult(7)));
    }

    [Fact]
    public async Task The_dashboard_shows_an_import_through_the_web_at_once_and_one_by_another_process_by_its_audit_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-cache-{Guid.NewGuid():N}.db");
        try
        {
            var store = JixiaoStore.Open($"Data Source={file}");
            store.Database.Migrate();
            using var cache = new ReadCache(store.ImportWatermarkAsync);
            var data = new StoreReadModel(store, cache);
            var importer = new StoreImporter(store, cache);
            store.Importer().ImportFile(Seeds.PathOf(Seeds.File002));
            var first = await data.DashboardAsync(new Scope());

            var web = importer.Import(File.ReadAllBytes(Seeds.PathOf(Seeds.File000)), Seeds.File000, "tester");
            var afterWeb = await data.DashboardAsync(new Scope());
            Assert.Same(afterWeb, await data.DashboardAsync(new Scope()));
            store.Importer().ImportFile(Seeds.PathOf(Seeds.File003)); // as the CLI would, in another process
            var done = BackgroundDone(cache);
            var atOnce = await data.DashboardAsync(new Scope()); // the old value if the recomputation is slow, else the new one
            if (Counted(atOnce) == Counted(afterWeb))
            {
                Assert.True(await done);
            }

            var afterCli = await data.DashboardAsync(new Scope());

            Assert.True(web.Imported);
            Assert.Equal([9, 9 + 7, 9 + 7 + 15], new[] { first, afterWeb, afterCli }.Select(Counted));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }

        static int Counted(Dashboard d) => d.TargetForms + d.SelfEvaluations;
    }

    /// <summary>Completes with true when the next recomputation left to the background succeeds, false when it fails.</summary>
    private static Task<bool> BackgroundDone(ReadCache cache)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        cache.Events.BackgroundFactorySuccess += (_, _) => done.TrySetResult(true);
        cache.Events.BackgroundFactoryError += (_, _) => done.TrySetResult(false);
        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A computation counting its runs that can be held at a gate (and can fail), to look at the cache while it runs.</summary>
    private sealed class GatedComputation
    {
        private readonly SemaphoreSlim _gate = new(0);
        private readonly SemaphoreSlim _entered = new(0);
        private int _count;
        private int _active;
        private int _mostAtOnce;
        private volatile bool _blocking;
        private volatile Exception? _failure;

        public bool Blocking { set => _blocking = value; }

        public Exception? Failure { set => _failure = value; }

        public int Count => Volatile.Read(ref _count);

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public async Task<int> Run(CancellationToken ct)
        {
            var active = Interlocked.Increment(ref _active);
            InterlockedMax(ref _mostAtOnce, active);
            try
            {
                var n = Interlocked.Increment(ref _count);
                if (_blocking)
                {
                    _entered.Release();
                    await _gate.WaitAsync(CancellationToken.None);
                }

                return _failure is { } failure ? throw failure : n;
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }
        }

        /// <summary>Completes once a run is held at the gate.</summary>
        public Task Entered() => _entered.WaitAsync();

        public void Release() => _gate.Release();

        private static void InterlockedMax(ref int target, int value)
        {
            for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            {
                if (Interlocked.CompareExchange(ref target, value, seen) == seen)
                {
                    return;
                }
            }
        }
    }

    private sealed class ListLogger : ILogger<FusionCache>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, Exception? Exception)> _entries = new();

        public IReadOnlyList<(LogLevel Level, Exception? Exception)> Entries => [.. _entries];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue((logLevel, exception));
    }
}
