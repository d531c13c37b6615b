using System.Collections.Concurrent;

namespace Jixiao.Web.Data;

/// <summary>
/// An in-process cache of the read results that cost a scan of every form in force at scale: the dashboard,
/// the unit list, the years and departments of the filters, and the indicator library (指标库). Single forms
/// are not cached: two indexed queries are cheap, and pages are read at random.
/// </summary>
/// <remarks>
/// <para>
/// A value is fresh while three things hold: this process's data generation is the one it was computed in
/// (<see cref="StoreImporter"/> moves it with <see cref="Invalidate"/> once an import through the web app —
/// upload, API, a published draft — and the set findings it refreshes are committed); the watermark read from
/// the database on each cached read is the one it was computed with (the newest import audit line, which every
/// import writes, the CLI's too, in its own transaction); and it is younger than <see cref="MaxAge"/>.
/// Recomputing the dashboard takes seconds at 100,000 forms, so a value that is no longer fresh is served
/// stale while it is recomputed in the background (stale-while-revalidate), except after this process's own
/// change. The rule, by cause:
/// </para>
/// <list type="bullet">
/// <item><description>An import through this web app is never served stale: the user who imported expects to see
/// it on the next page. <see cref="Invalidate"/> starts recomputing the entries read in the last
/// <see cref="MaxAge"/> in the background at once (warming), and a read of an entry of an older generation
/// waits for that recomputation (or runs its own) rather than getting the old value.</description></item>
/// <item><description>An import by another process (the CLI) is stale for as long as one recomputation takes,
/// counted from the first read after its audit line is committed: that read gets the previous value at once and
/// starts the recomputation; the reads after it get the new value once it is ready.</description></item>
/// <item><description>What another process changes without an audit line — the set findings (duplicates,
/// parents and children, year over year) a CLI import refreshes just after its import commits, projects linked
/// by hand (<c>jixiao link</c>), edits by SQL — is seen by the first recomputation after <see cref="MaxAge"/>,
/// that is up to <see cref="MaxAge"/> plus the time until the next read plus one recomputation.</description></item>
/// <item><description>No value older than <see cref="MaxStale"/> is served: an entry nobody read for that long
/// is recomputed while its reader waits, as a missing one is.</description></item>
/// <item><description>If a background recomputation fails, the old value stays (and the failure is logged);
/// the next read retries, so during a database failure a value can stay stale up to <see cref="MaxStale"/>.
/// A computation a reader waits for that fails is not kept: the readers get the exception.</description></item>
/// </list>
/// <para>
/// There is at most one computation per key at a time: concurrent readers of a missing entry wait for the one
/// running, and a recomputation that must not be stale, asked for while a background one runs, starts after it.
/// </para>
/// </remarks>
public sealed class ReadCache(Func<long>? watermark = null, ILogger<ReadCache>? logger = null, TimeProvider? time = null) : IDisposable
{
    /// <summary>How long an entry is fresh at most, for changes the generation and the watermark do not see.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    /// <summary>How old a value can be and still be served while it is recomputed.</summary>
    public static readonly TimeSpan MaxStale = TimeSpan.FromMinutes(10);

    /// <summary>How many entries are kept; beyond it the ones read longest ago are dropped.</summary>
    private const int Capacity = 4096;

    /// <summary>How many of the entries read lately <see cref="Invalidate"/> recomputes at once.</summary>
    private const int WarmLimit = 64;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger<ReadCache>? _logger = logger;
    private readonly ConcurrentDictionary<Key, ISlot> _slots = new();
    private readonly ConcurrentDictionary<long, Task> _background = new();

    /// <summary>
    /// Background recomputations run one at a time, whatever their key: a page reads several cached entries,
    /// and recomputing them all at once would take the cores the requests need. A reader waiting for a value
    /// computes it at once, outside this queue.
    /// </summary>
    private readonly SemaphoreSlim _backgroundTurn = new(1, 1);
    private long _generation;
    private long _sequence;
    private volatile bool _disposed;

    /// <summary>This process's generation: bumped after each import it makes.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// Call after this process changed the data: moves to a new generation, so no read gets a value computed
    /// before, and starts recomputing the entries read in the last <see cref="MaxAge"/> in the background (one
    /// after another, most recently read first), so the next page waits for less than a whole recomputation,
    /// or not at all.
    /// </summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        var now = _time.GetTimestamp();
        var recent = _slots.Values.Where(s => _time.GetElapsedTime(s.LastRead, now) < MaxAge)
            .OrderByDescending(s => s.LastRead).Take(WarmLimit).ToList();
        if (recent.Count > 0 && !_disposed)
        {
            InBackground(() => recent.ForEach(slot => slot.Warm()));
        }
    }

    /// <summary>
    /// The value of <paramref name="key"/>: the cached one if fresh; the cached one while a recomputation runs in
    /// the background if it may be stale (see the remarks); else <paramref name="compute"/>'s, which concurrent
    /// readers of the key wait for rather than each running it.
    /// </summary>
    public T Get<T>(object key, Func<T> compute)
    {
        var stamp = Now();
        var full = new Key(typeof(T), key);
        if (!_slots.TryGetValue(full, out var slot))
        {
            slot = _slots.GetOrAdd(full, _ => new Slot<T>(this));
            if (_slots.Count > Capacity)
            {
                Trim();
            }
        }

        return ((Slot<T>)slot).Get(stamp, compute);
    }

    /// <summary>
    /// Completes once no background work (recomputations, warming) is running: for the start-up warm-up to
    /// report, and for tests to wait on instead of sleeping.
    /// </summary>
    public async Task WhenIdle()
    {
        while (_background.Values.ToArray() is { Length: > 0 } running)
        {
            await Task.WhenAll(running);
        }
    }

    /// <summary>Starts no more background work (running work ends on its own).</summary>
    public void Dispose() => _disposed = true; // the turn semaphore is not disposed: running work may still release it

    /// <summary>The data generation, the watermark and the time now: read before a computation starts, so a change committed during it leaves its value stale.</summary>
    private Stamp Now() => new(Generation, watermark?.Invoke() ?? 0, _time.GetTimestamp(), Interlocked.Increment(ref _sequence));

    /// <summary>
    /// Runs <paramref name="work"/> on a thread of its own, tracked for <see cref="WhenIdle"/>; it must not throw.
    /// Not on the thread pool: the computations are synchronous queries of seconds, and the few pool threads of a
    /// small machine blocked in them starve the requests the stale values are served to (measured: a page served
    /// from the cache took 1 s while the dashboard's four entries recomputed on pool threads).
    /// </summary>
    private void InBackground(Action work)
    {
        var id = Interlocked.Increment(ref _sequence);
        var task = new Task(() =>
        {
            try
            {
                work();
            }
            finally
            {
                _background.TryRemove(id, out _);
            }
        }, TaskCreationOptions.LongRunning);
        _background[id] = task;
        task.Start(TaskScheduler.Default);
    }

    /// <summary>Drops the quarter of the entries read longest ago.</summary>
    private void Trim()
    {
        foreach (var old in _slots.OrderBy(s => s.Value.LastRead).Take(_slots.Count / 4).ToList())
        {
            _slots.TryRemove(old);
        }
    }

    /// <summary>When (a <see cref="TimeProvider"/> timestamp) and in which data a value was computed; <c>Sequence</c> orders stamps.</summary>
    private sealed record Stamp(long Generation, long Watermark, long At, long Sequence);

    private sealed record Key(Type Type, object Value);

    private interface ISlot
    {
        long LastRead { get; }

        /// <summary>Recomputes the entry if its value is of an older generation and no recomputation of the current one runs.</summary>
        void Warm();
    }

    /// <summary>One key: its last good value, and the one computation of it that may be running.</summary>
    private sealed class Slot<T>(ReadCache owner) : ISlot
    {
        private readonly Lock _lock = new();
        private Computed? _value;
        private Run? _running;
        private Func<T>? _compute;
        private long _lastRead;

        public long LastRead => Interlocked.Read(ref _lastRead);

        public T Get(Stamp stamp, Func<T> compute)
        {
            Run run;
            Run? after = null;
            var computeHere = false;
            lock (_lock)
            {
                _compute = compute;
                Interlocked.Exchange(ref _lastRead, stamp.At);
                if (_value is { } value && value.Stamp.Generation == stamp.Generation)
                {
                    var age = owner._time.GetElapsedTime(value.Stamp.At, stamp.At);
                    if (value.Stamp.Watermark == stamp.Watermark && age < MaxAge)
                    {
                        return value.Result;
                    }

                    if (age < MaxStale)
                    {
                        if (_running is null && !owner._disposed)
                        {
                            var refresh = _running = new Run(stamp);
                            owner.InBackground(() => Execute(refresh, compute, null, background: true));
                        }

                        return value.Result;
                    }
                }

                if (_running is { } current && current.Stamp.Generation == stamp.Generation)
                {
                    run = current;
                }
                else
                {
                    // One computation at a time: after the one of an older generation, if it still runs.
                    after = _running;
                    run = _running = new Run(stamp);
                    computeHere = true;
                }
            }

            if (computeHere)
            {
                Execute(run, compute, after, background: false);
            }

            return run.Done.Task.GetAwaiter().GetResult();
        }

        public void Warm()
        {
            lock (_lock)
            {
                if (IsCurrent(owner.Generation))
                {
                    return;
                }
            }

            var stamp = owner.Now(); // outside the lock: the watermark is a query
            Run run;
            Run? after;
            Func<T> compute;
            lock (_lock)
            {
                if (IsCurrent(stamp.Generation) || _compute is null)
                {
                    return; // a reader got there first
                }

                compute = _compute;
                after = _running;
                run = _running = new Run(stamp);
            }

            Execute(run, compute, after, background: true);
        }

        /// <summary>Whether a value or a computation of <paramref name="generation"/> (or later) is there; under the lock.</summary>
        private bool IsCurrent(long generation) => _value?.Stamp.Generation >= generation || _running?.Stamp.Generation >= generation;

        /// <summary>Computes <paramref name="run"/> once <paramref name="after"/> has ended, keeps a success, and publishes the outcome to the readers waiting.</summary>
        private void Execute(Run run, Func<T> compute, Run? after, bool background)
        {
            ((Task?)after?.Done.Task)?.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            try
            {
                T result;
                if (background)
                {
                    owner._backgroundTurn.Wait(); // taken after waiting for the previous run, which may hold it
                    try
                    {
                        result = compute();
                    }
                    finally
                    {
                        owner._backgroundTurn.Release();
                    }
                }
                else
                {
                    result = compute();
                }

                lock (_lock)
                {
                    if (_value is null || _value.Stamp.Sequence < run.Stamp.Sequence)
                    {
                        _value = new Computed(result, run.Stamp);
                    }

                    Finish(run);
                }

                run.Done.SetResult(result);
            }
            catch (Exception e)
            {
                lock (_lock)
                {
                    Finish(run);
                }

                run.Done.SetException(e);
                if (background)
                {
                    _ = run.Done.Task.Exception; // observed: no reader may be waiting for it
                    owner._logger?.LogWarning(e, "Recomputing a cached {Type} failed; the previous value is kept and the next read retries", typeof(T).Name);
                }
            }
        }

        private void Finish(Run run)
        {
            if (_running == run)
            {
                _running = null;
            }
        }

        private sealed record Computed(T Result, Stamp Stamp);

        /// <summary>A computation: what it was started on, and its outcome for the readers waiting.</summary>
        private sealed class Run(Stamp stamp)
        {
            public Stamp Stamp { get; } = stamp;

            public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
