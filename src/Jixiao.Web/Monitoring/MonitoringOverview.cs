using System.Security.Claims;
using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Projects;
using Jixiao.Storage.Entities;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Monitoring;

/// <summary>One indicator of a year side by side: the declared target, the monitoring's forecast with its light, the self-evaluation's actual; null where that form lacks it.</summary>
public sealed record ComparisonRow(string Name, string? Target, string? Forecast, LightView? Light, string? Actual);

/// <summary>
/// One year of a project: its target declaration, its monitoring (with the form's light) and its self-evaluation,
/// any of which may be missing, and the indicators of all three in the declaration's order.
/// </summary>
public sealed record YearComparison(int? Year, StoredFormView? Declaration, StoredMonitoringForm? Monitoring, LightView? MonitoringLight, StoredFormView? Evaluation, IReadOnlyList<ComparisonRow> Rows);

/// <summary>How many monitored projects have each light (红, 黄, 绿, and 未评 while figures are missing).</summary>
public sealed record LightCounts(int Red, int Yellow, int Green, int None)
{
    public int Total => Red + Yellow + Green + None;

    public static LightCounts Of(IEnumerable<Light?> lights)
    {
        int red = 0, yellow = 0, green = 0, none = 0;
        foreach (var light in lights)
        {
            _ = light switch
            {
                Light.Red => red++,
                Light.Yellow => yellow++,
                Light.Green => green++,
                _ => none++,
            };
        }

        return new LightCounts(red, yellow, green, none);
    }

    /// <summary>The counts as the dashboard's charts take them: 红, 黄, 绿 (未评 only when there are any).</summary>
    public IReadOnlyList<(string Label, int Count)> Rows() =>
        [(Light.Red.Label(), Red), (Light.Yellow.Label(), Yellow), (Light.Green.Label(), Green), .. None > 0 ? new[] { (Unrated, None) } : []];

    /// <summary>The label of a form without lights yet.</summary>
    public const string Unrated = "未评";
}

/// <summary>The dashboard's light distribution: all monitored projects the user may see in the scope, and per department when there is more than one.</summary>
public sealed record LightDistribution(LightCounts All, IReadOnlyList<(string Department, LightCounts Counts)> ByDepartment);

/// <summary>
/// Monitoring beside the published forms: the project page's declaration → monitoring → self-evaluation per
/// year, and the dashboard's light distribution. Only the forms <paramref name="monitoring"/> lets the user see
/// (a unit its own, a department reviewer its units', 财政 and 管理员 all; an anonymous visitor none).
/// </summary>
public sealed class MonitoringOverview(MonitoringService monitoring)
{
    /// <summary>The years of <paramref name="history"/>, latest first, with the monitoring the user may see of each declaration.</summary>
    public async Task<IReadOnlyList<YearComparison>> ProjectAsync(ClaimsPrincipal user, ProjectFormHistory history, CancellationToken ct = default)
    {
        var targets = history.Forms.Where(f => f.Form.Kind == FormKind.Target).ToList();
        var records = await VisibleOfProjectAsync(user, history, targets, ct);
        var years = history.Forms.Select(f => f.Form.Year).Concat(records.Select(r => r.Form.Year)).Distinct().OrderByDescending(y => y ?? int.MinValue);
        return [.. years.Select(year =>
        {
            var declaration = targets.LastOrDefault(f => f.Form.Year == year);
            var evaluation = history.Forms.LastOrDefault(f => f.Form.Kind == FormKind.SelfEvaluation && f.Form.Year == year);
            var record = records.Where(r => r.Form.Year == year)
                .OrderByDescending(r => r.State == MonitoringStates.Accepted).ThenByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).FirstOrDefault();
            return Compare(year, declaration, record, evaluation);
        })];
    }

    /// <summary>The lights of the monitoring forms the user may see in <paramref name="scope"/> (year, department, unit); null when there are none.</summary>
    public async Task<LightDistribution?> LightsAsync(ClaimsPrincipal user, Scope scope, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var query = await monitoring.VisibleAsync(user);
        query = scope.UnitId is { } unit ? query.Where(r => r.UnitId == unit) : query;
        var forms = (await query.AsNoTracking().ToListAsync(ct))
            .Select(r => (Record: r, Form: r.Form))
            .Where(x => (scope.Year is null || x.Form.Year == scope.Year) && (scope.Department is null || x.Form.Department == scope.Department))
            .Select(x => (x.Form.Department, Light: monitoring.Review(x.Form, x.Record).Assessment?.Light))
            .ToList();
        if (forms.Count == 0)
        {
            return null;
        }

        var departments = forms.GroupBy(f => f.Department).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new LightDistribution(
            LightCounts.Of(forms.Select(f => f.Light)),
            departments.Count > 1 ? [.. departments.Select(g => (g.Key, LightCounts.Of(g.Select(f => f.Light))))] : []);
    }

    /// <summary>The monitoring forms the user may see of the project's declarations: started from one of them, or naming one in <c>basedOn</c> in the project's unit.</summary>
    private async Task<IReadOnlyList<StoredMonitoringForm>> VisibleOfProjectAsync(ClaimsPrincipal user, ProjectFormHistory history, IReadOnlyList<StoredFormView> targets, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true || targets.Count == 0)
        {
            return [];
        }

        var ids = targets.Select(t => t.Id).ToList();
        var units = targets.Select(t => t.UnitId).Distinct().ToList();
        var bases = targets.Select(t => new MonitoringBasis(t.Form.Name, t.Form.Year)).ToHashSet();
        var candidates = await (await monitoring.VisibleAsync(user)).AsNoTracking()
            .Where(r => (r.BasedOnFormId != null && ids.Contains(r.BasedOnFormId.Value)) || units.Contains(r.UnitId))
            .ToListAsync(ct);
        return [.. candidates.Where(r => r.BasedOnFormId is { } id && ids.Contains(id) || r.Form.BasedOn is { } b && bases.Contains(b))];
    }

    private YearComparison Compare(int? year, StoredFormView? declaration, StoredMonitoringForm? record, StoredFormView? evaluation)
    {
        var form = record?.Form;
        var assessment = form is null ? null : monitoring.Review(form, record!).Assessment;
        var names = new List<(string Key, string Name)>();
        void Add(IEnumerable<string> more)
        {
            foreach (var name in more)
            {
                var key = ProjectNames.Key(name);
                if (!names.Exists(n => n.Key == key))
                {
                    names.Add((key, name));
                }
            }
        }

        Add(declaration?.Form.Indicators.Select(i => i.Name) ?? []);
        Add(form?.Indicators.Select(i => i.Name) ?? []);
        Add(evaluation?.Form.Indicators.Select(i => i.Name) ?? []);
        var rows = names.Select(n =>
        {
            var declared = declaration?.Form.Indicators.FirstOrDefault(i => ProjectNames.Key(i.Name) == n.Key);
            var k = form?.Indicators.ToList().FindIndex(i => ProjectNames.Key(i.Name) == n.Key) ?? -1;
            var monitored = k >= 0 ? form!.Indicators[k] : null;
            var light = k >= 0 && assessment is not null ? LightView.Of(assessment.Indicators[k].Light, assessment.Indicators[k].Reason) : null;
            var actual = evaluation?.Form.Indicators.FirstOrDefault(i => ProjectNames.Key(i.Name) == n.Key);
            return new ComparisonRow(n.Name, declared?.Target ?? monitored?.Target ?? actual?.Target, monitored?.Forecast, light, actual?.Actual);
        }).ToList();
        return new YearComparison(year, declaration, record, assessment is null ? null : LightView.Of(assessment.Light, assessment.Reason), evaluation, rows);
    }
}
