using Jixiao.Application;
using Jixiao.Storage.Queries;
using Jixiao.Tests.Support;
using Jixiao.Web.Data;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Jixiao.Web.Tests;

/// <summary>The cache of costly reads: kept per data generation, which the web's imports and any import's audit line move on.</summary>
public sealed class ReadCacheTests
{
    [Fact]
    public async Task An_entry_is_kept_until_the_generation_or_the_watermark_moves()
    {
        var watermark = 1L;
        using var cache = new ReadCache(() => Interlocked.Read(ref watermark));
        var computed = 0;
        int Read() => cache.Get("k", () => Interlocked.Increment(ref computed));

        Assert.Equal((1, 1), (Read(), Read()));
        cache.Invalidate();
        Assert.Equal((2, 2), (Read(), Read()));
        Interlocked.Exchange(ref watermark, 2);
        Assert.Equal(2, Read()); // another process's import: the old value at once, the new one computed meanwhile
        await cache.WhenIdle();
        Assert.Equal((3, 3), (Read(), Read()));
        Assert.Equal(3, computed);
    }

    [Fact]
    public async Task A_stale_value_is_served_while_one_recomputation_runs_in_the_background_then_the_new_one()
    {
        var watermark = 1L;
        using var cache = new ReadCache(() => Interlocked.Read(ref watermark));
        var compute = new GatedComputation();
        Assert.Equal(1, cache.Get("k", compute.Run));

        Interlocked.Exchange(ref watermark, 2);
        compute.Blocking = true;
        Assert.Equal(1, cache.Get("k", compute.Run));
        await compute.Entered();
        var during = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.Get("k", compute.Run))));

        Assert.All(during, v => Assert.Equal(1, v));
        Assert.Equal(2, compute.Count); // the first and one recomputation, however many read meanwhile
        compute.Release();
        await cache.WhenIdle();
        Assert.Equal((2, 2), (cache.Get("k", compute.Run), compute.Count));
        Assert.Equal(1, compute.MostAtOnce);
    }

    [Fact]
    public async Task An_entry_past_its_max_age_is_served_while_it_is_recomputed_and_one_past_max_stale_is_not()
    {
        var time = new ManualTime();
        using var cache = new ReadCache(time: time);
        var compute = new GatedComputation();
        Assert.Equal(1, cache.Get("k", compute.Run));
        time.Advance(ReadCache.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Equal((1, 1), (cache.Get("k", compute.Run), compute.Count));

        time.Advance(TimeSpan.FromSeconds(1));
        compute.Blocking = true;
        Assert.Equal(1, cache.Get("k", compute.Run));
        await compute.Entered();
        compute.Release();
        await cache.WhenIdle();
        Assert.Equal(2, cache.Get("k", compute.Run));

        compute.Blocking = false;
        time.Advance(ReadCache.MaxStale);
        Assert.Equal(3, cache.Get("k", compute.Run)); // too old to serve: computed while the reader waits
    }

    [Fact]
    public async Task A_failed_background_recomputation_keeps_the_old_value_is_logged_and_the_next_read_retries()
    {
        var watermark = 1L;
        var log = new ListLogger();
        using var cache = new ReadCache(() => Interlocked.Read(ref watermark), log);
        var compute = new GatedComputation();
        Assert.Equal(1, cache.Get("k", compute.Run));

        Interlocked.Exchange(ref watermark, 2);
        compute.Failure = new InvalidOperationException("database gone");
        Assert.Equal(1, cache.Get("k", compute.Run));
        await cache.WhenIdle();
        Assert.Equal(2, compute.Count);
        Assert.Equal(1, cache.Get("k", compute.Run)); // kept, and retried in the background
        await cache.WhenIdle();
        Assert.Equal(3, compute.Count);
        Assert.All(log.Entries, e => Assert.Equal((LogLevel.Warning, "database gone"), (e.Level, e.Exception?.Message)));
        Assert.Equal(2, log.Entries.Count);

        compute.Failure = null;
        Assert.Equal(1, cache.Get("k", compute.Run));
        await cache.WhenIdle();
        Assert.Equal(4, cache.Get("k", compute.Run));
    }

    [Fact]
    public async Task An_invalidation_by_this_process_is_never_served_stale_even_while_a_background_recomputation_runs()
    {
        var watermark = 1L;
        using var cache = new ReadCache(() => Interlocked.Read(ref watermark));
        var compute = new GatedComputation();
        Assert.Equal(1, cache.Get("k", compute.Run));
        Interlocked.Exchange(ref watermark, 2);
        compute.Blocking = true;
        Assert.Equal(1, cache.Get("k", compute.Run)); // recomputation 2 runs, held at the gate
        await compute.Entered();

        cache.Invalidate(); // as the web importer does after its commit
        var reads = Enumerable.Range(0, 4).Select(_ => Task.Run(() => cache.Get("k", compute.Run))).ToList();
        compute.Blocking = false;
        compute.Release();

        // Not the old value, nor the one of the recomputation started before the invalidation: a new one,
        // computed once (by the warming or by the first reader), after the running one (one at a time).
        Assert.All(await Task.WhenAll(reads), v => Assert.Equal(3, v));
        await cache.WhenIdle();
        Assert.Equal((3, 3, 1), (cache.Get("k", compute.Run), compute.Count, compute.MostAtOnce));
    }

    [Fact]
    public async Task Invalidating_warms_the_entries_read_lately_in_the_background()
    {
        using var cache = new ReadCache();
        var compute = new GatedComputation();
        Assert.Equal(1, cache.Get("k", compute.Run));

        cache.Invalidate();
        await cache.WhenIdle();
        Assert.Equal(2, compute.Count); // recomputed before anyone asked
        Assert.Equal((2, 2), (cache.Get("k", compute.Run), compute.Count));
    }

    [Fact]
    public async Task Concurrent_readers_of_a_missing_entry_compute_it_once_and_a_failure_is_not_kept()
    {
        const int readers = 15;
        using var cache = new ReadCache();
        var compute = new GatedComputation { Blocking = true };
        var first = Reader(() => cache.Get("slow", compute.Run));
        await compute.Entered(); // the first reader computes, held at the gate
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var others = Enumerable.Range(0, readers).Select(_ => Reader(() =>
        {
            if (Interlocked.Increment(ref started) == readers)
            {
                allStarted.SetResult();
            }

            return cache.Get("slow", compute.Run);
        })).ToList();
        await allStarted.Task;

        Assert.DoesNotContain(others, t => t.IsCompleted); // none can have a value while the one computation is held
        compute.Blocking = false; // a second computation would not wait, and would count
        compute.Release();
        var results = await Task.WhenAll([first, .. others]);

        Assert.All(results, r => Assert.Equal(1, r));
        Assert.Equal((1, 1), (compute.Count, compute.MostAtOnce));
        Assert.Throws<InvalidOperationException>(() => cache.Get<int>("bad", () => throw new InvalidOperationException()));
        Assert.Equal(7, cache.Get("bad", () => 7));
    }

    /// <summary>A reader on a thread of its own: cache reads block, and the pool would add threads for them only slowly.</summary>
    private static Task<int> Reader(Func<int> read) => Task.Factory.StartNew(read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Fact]
    public async Task The_dashboard_shows_an_import_through_the_web_at_once_and_one_by_another_process_by_its_audit_line()
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
            var staleAfterCli = data.Dashboard(new Scope()); // served while it is recomputed
            await cache.WhenIdle();
            var afterCli = data.Dashboard(new Scope());

            Assert.True(web.Imported);
            Assert.Same(afterWeb, staleAfterCli);
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

        public int Run()
        {
            var active = Interlocked.Increment(ref _active);
            InterlockedMax(ref _mostAtOnce, active);
            try
            {
                var n = Interlocked.Increment(ref _count);
                if (_blocking)
                {
                    _entered.Release();
                    _gate.Wait();
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

    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    private sealed class ListLogger : ILogger<ReadCache>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, Exception? Exception)> _entries = new();

        public IReadOnlyList<(LogLevel Level, Exception? Exception)> Entries => [.. _entries];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue((logLevel, exception));
    }
}
