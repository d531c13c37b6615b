using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using ZiggyCreatures.Caching.Fusion;

namespace Jixiao.Web.Data;

/// <summary>
/// An in-process cache of the read results that cost a scan of every form in force at scale: the dashboard,
/// the unit list, the years and departments of the filters, the indicator library (指标库) and a unit's
/// scoring policy. Single forms are not cached: two indexed queries are cheap, and pages are read at random.
/// The concurrency is FusionCache's (one computation per key however many read it, fail-safe, a stale value
/// served while its recomputation finishes in the background); this class only says when a value is fresh.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>An import through this web app is never served stale: <see cref="Invalidate"/> (which
/// <see cref="StoreImporter"/> calls once the import and the set findings it refreshes are committed) moves the
/// cache to a new generation, part of every key, so a read after it computes anew and waits for that, and a
/// computation that started before the import can only fill a key of the old generation.</description></item>
/// <item><description>An import by another process (the CLI) is seen by the watermark read on each cached read
/// (the newest import audit line, which every import writes in its own transaction): when it moved, every entry
/// read in this generation expires; the next read of each waits up to <see cref="StaleAfter"/> for its
/// recomputation, then gets the previous value while the recomputation finishes in the background; the reads
/// after it get the new value once it is ready.</description></item>
/// <item><description>What another process changes without an audit line (the set findings a CLI import
/// refreshes just after it commits, projects linked by hand, edits by SQL) is seen after <see cref="MaxAge"/>:
/// the first read after it gets the old value and starts the recomputation.</description></item>
/// <item><description>No value older than <see cref="MaxStale"/> is served: after it the entry is gone, and its
/// reader waits for the computation, as for a missing one.</description></item>
/// <item><description>If a recomputation fails while an old value is there, the old value is served (fail-safe)
/// and the next read after <see cref="RetryAfter"/> tries again; a computation with no old value to fall back on
/// that fails reaches its readers as the exception.</description></item>
/// </list>
/// </remarks>
public sealed class ReadCache : IDisposable
{
    /// <summary>How long an entry is fresh at most, for changes the generation and the watermark do not see.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    /// <summary>How old a value can be and still be served while it is recomputed.</summary>
    public static readonly TimeSpan MaxStale = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a reader waits for a recomputation when an old value could be served instead: a quick one is
    /// served fresh, a slow one (the dashboard at 100,000 forms takes seconds) finishes in the background.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMilliseconds(100);

    /// <summary>After a failed or slow recomputation, how long the old value is served before a read tries again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>How many entries are kept; beyond it the memory cache drops the ones it judges least useful.</summary>
    private const int Capacity = 4096;

    private readonly Func<CancellationToken, Task<long>>? _watermark;
    private readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly FusionCache _cache;
    /// <summary>The keys of this generation read so far (up to <see cref="Capacity"/>): what a moved watermark expires.</summary>
    private readonly ConcurrentDictionary<string, byte> _keys = new();
    private long _generation;
    private long _seenWatermark = long.MinValue;

    /// <param name="watermark">The newest import audit line's id (<c>JixiaoStore.ImportWatermarkAsync</c>); none in tests of the generation alone.</param>
    /// <param name="logger">Where FusionCache logs failed background recomputations.</param>
    public ReadCache(Func<CancellationToken, Task<long>>? watermark = null, ILogger<FusionCache>? logger = null)
    {
        _watermark = watermark;
        _cache = new FusionCache(new FusionCacheOptions
        {
            CacheName = "jixiao-reads",
            DefaultEntryOptions = new FusionCacheEntryOptions
            {
                Duration = MaxAge,
                IsFailSafeEnabled = true,
                FailSafeMaxDuration = MaxStale,
                FailSafeThrottleDuration = RetryAfter,
                FactorySoftTimeout = StaleAfter,
                AllowTimedOutFactoryBackgroundCompletion = true,
                Size = 1,
            },
        }, _memory, logger);
    }

    /// <summary>The events of the underlying cache: tests wait on a background recomputation's end with them.</summary>
    public ZiggyCreatures.Caching.Fusion.Events.FusionCacheEventsHub Events => _cache.Events;

    /// <summary>This process's generation: moved on by each import it makes.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Call after this process changed the data: no read gets a value computed before.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _keys.Clear();
    }

    /// <summary>
    /// The value of <paramref name="key"/> (any value with a stable <c>ToString</c>, such as a tuple of records):
    /// the cached one if fresh; the previous one while a recomputation runs in the background if it may be stale
    /// (see the remarks); else <paramref name="compute"/>'s, which concurrent readers of the key wait for rather
    /// than each running it.
    /// </summary>
    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> compute, CancellationToken ct = default)
    {
        if (_watermark is not null)
        {
            var mark = await _watermark(ct);
            var seen = Interlocked.Exchange(ref _seenWatermark, mark);
            if (seen != mark && seen != long.MinValue)
            {
                // Expired one by one (FusionCache's Clear compares time stamps, too coarse for a change made just
                // after a value was computed): still served while recomputed.
                foreach (var k in _keys.Keys)
                {
                    await _cache.ExpireAsync(k, token: ct);
                }
            }
        }

        var full = $"{Generation}|{typeof(T).FullName}|{key}";
        if (_keys.Count < Capacity)
        {
            _keys.TryAdd(full, 0); // beyond it, an entry a moved watermark does not expire is fresh for MaxAge at most
        }

        return await _cache.GetOrSetAsync<T>(full, (_, token) => compute(token), token: ct);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _memory.Dispose();
    }
}
