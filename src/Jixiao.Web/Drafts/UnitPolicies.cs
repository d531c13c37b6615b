using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Web.Data;

namespace Jixiao.Web.Drafts;

/// <summary>
/// The scoring policy a unit's new self-evaluation is scored with: the one its published self-evaluations of
/// the latest year follow (a publisher keeps one convention, see <see cref="PolicyDetector"/>), else the
/// policy of the draft's year. Cached per data generation (<see cref="ReadCache"/>), as the live preview asks
/// on every pause in typing.
/// </summary>
public sealed class UnitPolicies(IReadModel data, ReadCache? cache = null)
{
    private const int Sample = 30;

    public Task<PolicyDetection> ForAsync(long unitId, int? year, CancellationToken ct = default) =>
        cache is null ? Detect(unitId, year, ct) : cache.GetAsync(("unit-policy", unitId, year), t => Detect(unitId, year, t), ct);

    private async Task<PolicyDetection> Detect(long unitId, int? year, CancellationToken ct)
    {
        var published = (await data.FormsAsync(new Scope(UnitId: unitId), 2000, ct))
            .Where(r => r.Kind == FormKind.SelfEvaluation && r.Year is not null)
            .ToList();
        if (published.Count == 0)
        {
            var policy = ScoringPolicy.ForYear(year);
            return new PolicyDetection(policy, PolicyEvidence.Year, $"本单位尚无已发布的自评表，按 {year} 年度采用 {policy.Name}");
        }

        var latest = published.Max(r => r.Year);
        var forms = (await data.WholeFormsAsync(new Scope(latest, null, unitId), ct: ct))
            .Where(f => f.Form.Kind == FormKind.SelfEvaluation).Take(Sample).Select(f => f.Form).ToList();
        var chosen = PolicyDetector.DetectAll(forms).GroupBy(d => d.Policy).MaxBy(g => g.Count())!;
        return new PolicyDetection(chosen.Key, PolicyEvidence.Publisher, $"本单位 {latest} 年已发布的 {forms.Count} 张自评表中 {chosen.Count()} 张采用 {chosen.Key.Name}");
    }
}
