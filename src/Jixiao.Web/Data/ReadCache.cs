using Microsoft.Extensions.Caching.Memory;

namespace Jixiao.Web.Data;

/// <summary>
/// An in-process cache of the read results that cost a scan of every form in force at scale: the dashboard,
/// the unit list, the years and departments of the filters, and the indicator library (指标库). Single forms
/// are not cached: two indexed queries are cheap, and pages are read at random.
/// </summary>
/// <remarks>
/// <para>
/// An entry is keyed by a data generation: this process's own counter, which <see cref="StoreImporter"/> bumps
/// once an import (and the set findings it refreshes) is committed, together with a watermark read from the
/// database on each cached read (the newest import audit line, which every import writes, the CLI's too, in its
/// own transaction). So after an import through the web app (upload, API, a published draft) the next read is
/// fresh, and after a CLI import too, from the moment its audit line is committed.
/// </para>
/// <para>
/// What can be stale, and for at most <see cref="MaxAge"/>: anything another process changes without writing
/// an import audit line — the set findings (duplicates, parents and children, year over year) a CLI import
/// refreshes just after its import commits, projects linked by hand (<c>jixiao link</c>), or edits by SQL.
/// </para>
/// </remarks>
public sealed class ReadCache(Func<long>? watermark = null) : IDisposable
{
    /// <summary>How long an entry lives at most, for changes the generation does not see.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 4096 });
    private long _generation;

    /// <summary>This process's generation: bumped after each import it makes.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Forgets every entry (by moving to a new generation): call after the data changed.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>
    /// The cached value of <paramref name="key"/> for the current generation, else <paramref name="compute"/>'s.
    /// Concurrent readers of a missing key wait for one computation rather than each running it.
    /// </summary>
    public T Get<T>(object key, Func<T> compute)
    {
        var full = new Key(Generation, watermark?.Invoke() ?? 0, key);
        var lazy = _cache.GetOrCreate(full, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = MaxAge;
            entry.Size = 1;
            return new Lazy<T>(compute, LazyThreadSafetyMode.ExecutionAndPublication);
        })!;
        try
        {
            return lazy.Value;
        }
        catch
        {
            _cache.Remove(full); // a failure is not remembered
            throw;
        }
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Key(long Generation, long Watermark, object Value);
}
