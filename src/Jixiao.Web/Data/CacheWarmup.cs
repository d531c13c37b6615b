using System.Diagnostics;
using Jixiao.Domain.Model;

namespace Jixiao.Web.Data;

/// <summary>
/// Fills <see cref="ReadCache"/> once in the background after the app has started, so the first visitor does
/// not wait seconds for the dashboard (at 100,000 forms) or the 指标库: the entries the dashboard's first page
/// reads (everything unfiltered), then the library of each 二级 as the draft editor asks for it. A request that
/// comes while an entry is being computed waits for that computation rather than starting another
/// (<see cref="ReadCache.GetAsync{T}"/>). Set <c>Jixiao:WarmUp</c> to <c>false</c> to skip it.
/// </summary>
public sealed class CacheWarmup(IReadModel data, IHostApplicationLifetime lifetime, ILogger<CacheWarmup> logger) : BackgroundService
{
    /// <summary>The limit drafts.js asks the library for.</summary>
    private const int LibraryLimit = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After start-up, not during it: the server listens first, and the health check answers at once.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var watch = Stopwatch.StartNew();
        var steps = new List<(string Name, Func<Task> Read)>
        {
            ("dashboard", () => data.DashboardAsync(new Scope(), stoppingToken)),
            ("units", () => data.UnitsAsync(new Scope(), stoppingToken)),
            ("years", () => data.YearsAsync(stoppingToken)),
            ("departments", () => data.DepartmentsAsync(stoppingToken)),
        };
        steps.AddRange(IndicatorLevels.Level2.Select(l => ($"指标库 {l.Key}", (Func<Task>)(() => data.LibraryAsync(l.Key, l.Value, null, LibraryLimit, stoppingToken)))));
        foreach (var (name, read) in steps)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await read();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Not fatal: the first reader computes it, as without the warm-up.
                logger.LogWarning(e, "Warming the cached {Entry} failed", name);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return; // the app stops, its database may be gone
            }

            if (name == "departments")
            {
                logger.LogInformation("Dashboard cached in {Seconds:F1} s after start", watch.Elapsed.TotalSeconds);
            }
        }

        logger.LogInformation("Cache warmed in {Seconds:F1} s ({Entries} entries)", watch.Elapsed.TotalSeconds, steps.Count);
    }
}
