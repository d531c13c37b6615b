using System.Globalization;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;
using Jixiao.Web.Infrastructure;

namespace Jixiao.Web.Drafts;

/// <summary>
/// What an audit line changed, in words: the state, each field of the form, and each indicator matched by
/// its 一级/二级/三级 (added, removed, or its target, actual, weight, score or deviation changed).
/// The raw before/after JSON stays beside it for whoever needs all of it.
/// </summary>
public static class DraftChanges
{
    public static IReadOnlyList<string> Describe(string? beforeJson, string afterJson, Language l)
    {
        var after = Read(afterJson);
        if (beforeJson is null || after is null)
        {
            return after is null ? [] : [l.T($"新建（{Kind(after.Value.Form, l)}，{after.Value.Form.Indicators.Count} 个指标）", $"created ({Kind(after.Value.Form, l)}, {after.Value.Form.Indicators.Count} indicators)")];
        }

        var before = Read(beforeJson);
        if (before is null)
        {
            return [];
        }

        var (s0, f0) = before.Value;
        var (s1, f1) = after.Value;
        var changes = new List<string>();
        Field(changes, l.T("状态", "state"), StateName(s0, l), StateName(s1, l));
        changes.AddRange(Between(f0, f1, l));
        return changes;
    }

    /// <summary>A snapshot's state in words; a word no draft state has (a monitoring form's) as it is.</summary>
    private static string StateName(string state, Language l) => DraftStates.TryParse(state, out var s) ? Workflow.StateName(s, l) : state;

    /// <summary>What differs between two versions of a form, in words (its fields and indicators; not the draft's state).</summary>
    public static IReadOnlyList<string> Between(PerformanceForm f0, PerformanceForm f1, Language l)
    {
        var changes = new List<string>();
        Field(changes, l.T("项目名称", "name"), f0.Name, f1.Name);
        Field(changes, l.T("年度", "year"), f0.Year?.ToString(CultureInfo.InvariantCulture), f1.Year?.ToString(CultureInfo.InvariantCulture));
        Field(changes, l.T("项目性质", "nature"), f0.Nature, f1.Nature);
        Field(changes, l.T("项目类别", "category"), f0.Category, f1.Category);
        Field(changes, l.T("开始日期", "start"), f0.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f1.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(changes, l.T("结束日期", "end"), f0.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f1.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(changes, l.T("年度资金总额（元）", "annual funds (元)"), N(f0.Funds?.AnnualTotal), N(f1.Funds?.AnnualTotal));
        Field(changes, l.T("财政拨款（元）", "current year (元)"), N(f0.Funds?.CurrentYear), N(f1.Funds?.CurrentYear));
        Field(changes, l.T("上年结转（元）", "carried over (元)"), N(f0.Funds?.CarryOver), N(f1.Funds?.CarryOver));
        Field(changes, l.T("其他资金（元）", "other (元)"), N(f0.Funds?.Other), N(f1.Funds?.Other));
        Field(changes, l.T("年度总体目标", "goal"), f0.Goal, f1.Goal);
        Field(changes, l.T("全年预算数（万元）", "full-year budget (万元)"), N(f0.Budget?.Total?.Full), N(f1.Budget?.Total?.Full));
        Field(changes, l.T("全年执行数（万元）", "executed (万元)"), N(f0.Budget?.Total?.Executed), N(f1.Budget?.Total?.Executed));
        Field(changes, l.T("预算执行分值", "budget weight"), N(f0.Budget?.Total?.Weight), N(f1.Budget?.Total?.Weight));
        Field(changes, l.T("全年实际完成情况", "outcome"), f0.Outcome, f1.Outcome);
        Indicators(changes, f0.Indicators, f1.Indicators, l);
        Field(changes, l.T("总分", "total"), N(f0.TotalScore), N(f1.TotalScore));
        Field(changes, l.T("等级", "grade"), f0.Grade, f1.Grade);
        return changes;
    }

    /// <summary>
    /// Indicators are matched by 一级/二级/三级 first; what is left on both sides is paired in order (a row
    /// whose name was typed or changed), and only the rest counts as added or removed.
    /// </summary>
    private static void Indicators(List<string> changes, IReadOnlyList<Indicator> before, IReadOnlyList<Indicator> after, Language l)
    {
        var old = before.GroupBy(Key).ToDictionary(g => g.Key, g => new Queue<Indicator>(g));
        var unmatched = new List<Indicator>();
        foreach (var i in after)
        {
            if (old.TryGetValue(Key(i), out var same) && same.Count > 0)
            {
                Compare(changes, same.Dequeue(), i, l);
            }
            else
            {
                unmatched.Add(i);
            }
        }

        // The old rows no new row matched, in their order: each key's first rows were the ones matched.
        var matched = before.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count() - old[g.Key].Count);
        var left = new List<Indicator>();
        foreach (var o in before)
        {
            if (matched[Key(o)]-- <= 0)
            {
                left.Add(o);
            }
        }

        for (var k = 0; k < Math.Max(unmatched.Count, left.Count); k++)
        {
            if (k < unmatched.Count && k < left.Count)
            {
                changes.Add(l.T($"指标 {Describe(left[k])} → {Describe(unmatched[k])}", $"indicator {Describe(left[k])} → {Describe(unmatched[k])}"));
            }
            else if (k < unmatched.Count)
            {
                changes.Add(l.T($"新增指标 {Describe(unmatched[k])}", $"added {Describe(unmatched[k])}"));
            }
            else
            {
                changes.Add(l.T($"删除指标 {Describe(left[k])}", $"removed {Describe(left[k])}"));
            }
        }
    }

    private static void Compare(List<string> changes, Indicator o, Indicator i, Language l)
    {
        var name = i.Name.Length == 0 ? l.T("（未命名指标）", "(unnamed indicator)") : i.Name;
        Field(changes, l.T($"“{name}”指标值", $"“{name}” target"), o.Target, i.Target);
        Field(changes, l.T($"“{name}”实际完成值", $"“{name}” actual"), o.Actual, i.Actual);
        Field(changes, l.T($"“{name}”分值", $"“{name}” weight"), N(o.Weight), N(i.Weight));
        Field(changes, l.T($"“{name}”得分", $"“{name}” score"), N(o.Score), N(i.Score));
        Field(changes, l.T($"“{name}”偏差原因", $"“{name}” deviation"), o.Deviation, i.Deviation);
    }

    private static string Describe(Indicator i) => $"{i.Level1}/{i.Level2}/{(i.Name.Length == 0 ? "—" : i.Name)} {i.Target}".TrimEnd();

    private static (string, string, string) Key(Indicator i) => (i.Level1, i.Level2, i.Name);

    private static void Field(List<string> changes, string label, string? before, string? after)
    {
        if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
        {
            changes.Add($"{label}: {Shown(before)} → {Shown(after)}");
        }
    }

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "—" : value.Length > 80 ? value[..80] + "…" : value;

    private static string? N(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Kind(PerformanceForm f, Language l) => f.Kind == FormKind.Target ? l.T("申报表", "target declaration") : l.T("自评表", "self-evaluation");

    /// <summary>
    /// The form as it was saved at <paramref name="version"/>, from the draft's audit trail (each line keeps the
    /// draft after the change); null when the trail does not hold that version.
    /// </summary>
    public static PerformanceForm? AtVersion(IEnumerable<DraftAudit> history, int version)
    {
        foreach (var line in history.Reverse())
        {
            try
            {
                using var document = JsonDocument.Parse(line.AfterJson);
                var root = document.RootElement;
                if (root.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) && n == version)
                {
                    return DisclosureJson.ReadForm(root.GetProperty("form"));
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A line the log cannot read is passed over: the comparison is a help, not the record.
            }
        }

        return null;
    }

    /// <summary>The state and form of an audit snapshot (<see cref="DraftAudit.Snapshot"/>); null when it cannot be read.</summary>
    private static (string State, PerformanceForm Form)? Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return (root.GetProperty("state").GetString() ?? "", DisclosureJson.ReadForm(root.GetProperty("form")));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
