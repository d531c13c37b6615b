using Jixiao.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Queries;

public sealed partial class JixiaoStore
{
    /// <summary>How many usual targets a library entry lists.</summary>
    public const int UsualTargets = 3;

    /// <summary>
    /// The indicator library (指标库): the 三级 names used under a 二级 (any spelling of it) in the forms in force,
    /// target declarations and self-evaluations alike, with how many forms used each and its most common
    /// targets; most used first. <paramref name="level1"/> narrows to one 一级, <paramref name="text"/> to names
    /// containing it.
    /// </summary>
    /// <remarks>
    /// Two GROUP BY queries, each one scan of the indicators (no index on 二级: at 100,000 forms a scan of the
    /// table reads it in order and beats an index that then visits the rows at random): the top names, then
    /// the targets of those names only.
    /// </remarks>
    public async Task<IReadOnlyList<LibraryIndicator>> LibraryAsync(string level2, string? level1 = null, string? text = null, int limit = 20, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(level2) || limit <= 0)
        {
            return [];
        }

        await using var c = Database.CreateContext();
        var level2s = IndicatorLevels.Level2Spellings(level2.Trim()).ToList();
        var used = c.Indicators.Where(i => i.Form.DocumentVersion.IsCurrent && level2s.Contains(i.Level2) && i.Name != "");
        if (!string.IsNullOrWhiteSpace(level1))
        {
            var level1s = IndicatorLevels.Level1Spellings(level1.Trim()).ToList();
            used = used.Where(i => level1s.Contains(i.Level1));
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var part = text.Trim();
            used = used.Where(i => i.Name.Contains(part));
        }

        var names = await used.GroupBy(i => i.Name)
            .Select(g => new { Name = g.Key, Forms = g.Select(i => i.FormId).Distinct().Count() })
            .OrderByDescending(n => n.Forms).ThenBy(n => n.Name).Take(limit)
            .ToListAsync(ct);
        var chosen = names.Select(n => n.Name).ToList();
        var targets = (await used.Where(i => chosen.Contains(i.Name) && i.Target != "")
                .GroupBy(i => new { i.Name, i.Target })
                .Select(g => new { g.Key.Name, g.Key.Target, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(t => t.Name, t => new UsualTarget(t.Target, t.Count));

        // Ordered again here: the database's collation need not be ordinal.
        return [.. names.OrderByDescending(n => n.Forms).ThenBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => new LibraryIndicator(n.Name, n.Forms, Usual(targets[n.Name])))];
    }

    /// <summary>The most common targets first (ties in ordinal order), at most <see cref="UsualTargets"/>.</summary>
    public static IReadOnlyList<UsualTarget> Usual(IEnumerable<UsualTarget> targets) =>
        [.. targets.OrderByDescending(t => t.Count).ThenBy(t => t.Target, StringComparer.Ordinal).Take(UsualTargets)];
}
