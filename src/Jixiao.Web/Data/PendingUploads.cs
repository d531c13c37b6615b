using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Jixiao.Web.Data;

/// <summary>
/// Uploads waiting between preview and confirm on /import. They are kept in a private folder (mode 0700, files
/// 0600): <c>Jixiao:Upload:Folder</c>, or <c>data/uploads</c> under the app's content root. A preview gets a
/// random token; the token → file mapping stays in this process, and the file's own name is random too, so no
/// request names a path. A file goes on confirm, on cancel, and after <c>Jixiao:Upload:ExpiryMinutes</c>
/// (60 by default) by <see cref="Sweep"/>, which <see cref="PendingUploadSweeper"/> runs; files left by an
/// earlier process are swept by their age.
/// </summary>
public sealed class PendingUploads
{
    public const string FolderSetting = "Jixiao:Upload:Folder";
    public const string ExpirySetting = "Jixiao:Upload:ExpiryMinutes";

    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public PendingUploads(string folder, TimeSpan expiry, TimeProvider clock)
    {
        Folder = Path.GetFullPath(folder);
        Expiry = expiry;
        _clock = clock;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, FolderMode);
            File.SetUnixFileMode(Folder, FolderMode); // also when it existed with a wider mode
        }
    }

    /// <summary>The private folder.</summary>
    public string Folder { get; }

    public TimeSpan Expiry { get; }

    /// <summary>How many uploads wait.</summary>
    public int Count => _pending.Count;

    public static PendingUploads From(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock) =>
        new(configuration[FolderSetting] is { Length: > 0 } folder ? folder : Path.Combine(environment.ContentRootPath, "data", "uploads"),
            TimeSpan.FromMinutes(configuration.GetValue(ExpirySetting, 60.0)), clock);

    /// <summary>Keeps <paramref name="content"/> until confirmed, cancelled or expired; its token.</summary>
    public string Keep(byte[] content, string fileName)
    {
        var token = RandomNumberGenerator.GetHexString(64, lowercase: true);
        var path = Path.Combine(Folder, RandomNumberGenerator.GetHexString(32, lowercase: true) + ".upload");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FilePermissions;
        }

        using (var file = new FileStream(path, options))
        {
            file.Write(content);
        }

        _pending[token] = new Pending(path, fileName, _clock.GetUtcNow());
        return token;
    }

    /// <summary>The upload of <paramref name="token"/>, removed from the folder; null when there is none (unknown, used or expired).</summary>
    public (byte[] Content, string FileName)? Take(string? token)
    {
        if (token is null || !_pending.TryRemove(token, out var pending))
        {
            return null;
        }

        try
        {
            return pending.At + Expiry <= _clock.GetUtcNow() ? null : (File.ReadAllBytes(pending.Path), pending.FileName);
        }
        catch (IOException)
        {
            return null;
        }
        finally
        {
            File.Delete(pending.Path);
        }
    }

    /// <summary>Drops the upload of <paramref name="token"/>; false when there was none.</summary>
    public bool Cancel(string? token)
    {
        if (token is null || !_pending.TryRemove(token, out var pending))
        {
            return false;
        }

        File.Delete(pending.Path);
        return true;
    }

    /// <summary>Whether <paramref name="token"/> names a waiting upload.</summary>
    public bool Has(string? token) => token is not null && _pending.ContainsKey(token);

    /// <summary>Deletes every upload older than <see cref="Expiry"/>, and any other file of the folder that old; how many files went.</summary>
    public int Sweep()
    {
        var cutoff = _clock.GetUtcNow() - Expiry;
        var deleted = 0;
        foreach (var (token, pending) in _pending)
        {
            if (pending.At <= cutoff && _pending.TryRemove(token, out _))
            {
                File.Delete(pending.Path);
                deleted++;
            }
        }

        var kept = _pending.Values.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            if (!kept.Contains(file) && File.GetLastWriteTimeUtc(file) <= cutoff.UtcDateTime)
            {
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }

    private sealed record Pending(string Path, string FileName, DateTimeOffset At);
}

/// <summary>Sweeps <see cref="PendingUploads"/> every <c>Jixiao:Upload:SweepMinutes</c> (5 by default, at most a day) on the injected clock.</summary>
public sealed class PendingUploadSweeper(PendingUploads uploads, TimeProvider clock, IConfiguration configuration, ILogger<PendingUploadSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Jixiao:Upload:SweepMinutes", 5.0), 0.1, 24 * 60)), clock);
        try
        {
            do
            {
                try
                {
                    if (uploads.Sweep() is > 0 and var deleted)
                    {
                        log.LogInformation("Deleted {Count} expired uploads from {Folder}", deleted, uploads.Folder);
                    }
                }
                catch (IOException ex)
                {
                    log.LogWarning(ex, "Sweeping {Folder} failed", uploads.Folder);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }
}

public static class PendingUploadServices
{
    /// <summary>The private upload folder, its sweeper, and TimeProvider.System unless a test supplied a clock.</summary>
    public static IServiceCollection AddJixiaoPendingUploads(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, TimeProvider.System);
        services.AddSingleton(p => PendingUploads.From(configuration, environment, p.GetRequiredService<TimeProvider>()));
        services.AddHostedService<PendingUploadSweeper>();
        return services;
    }
}
