using Jixiao.Domain.Checks;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Scoring;

namespace Jixiao.Web.Monitoring;

/// <summary>A light as pages and the API show it: its code (green, yellow, red), 绿 / 黄 / 红 and the reason in words.</summary>
public sealed record LightView(string Light, string Label, string Reason)
{
    public static LightView Of(Light light, string reason) => new(light.Code(), light.Label(), reason);
}

/// <summary>The budget light with its figures (percentages, two decimals).</summary>
public sealed record BudgetLightView(string Light, string Label, string Reason, decimal TimeProgress, decimal Rate, decimal Lag, decimal? ForecastShare);

/// <summary>A finding of the rule catalogue.</summary>
public sealed record MonitoringFindingView(string Code, string Severity, string Message, string? Indicator)
{
    public static MonitoringFindingView Of(Finding f) => new(f.Code, f.Severity.ToString().ToLowerInvariant(), f.Message, f.Indicator);
}

/// <summary>A problem of the input, by field.</summary>
public sealed record ProblemView(string Field, string Message)
{
    public static ProblemView Of(InputProblem p) => new(p.Field, p.Message);
}

/// <summary>
/// Everything the lights say about a form: the form, budget and indicator lights with reasons (null while
/// the figures are not all entered), the findings, the input problems and how many findings block a submission.
/// What the editor's script shows while the filler types: computed on the server by <see cref="MonitoringAssessor"/>.
/// </summary>
public sealed record LightsView(
    LightView? Form,
    BudgetLightView? Budget,
    IReadOnlyList<LightView?> Indicators,
    IReadOnlyList<MonitoringFindingView> Findings,
    IReadOnlyList<ProblemView> Problems,
    int Blocking)
{
    public static LightsView Of(MonitoringReview review, int indicators, IReadOnlyList<InputProblem>? problems = null)
    {
        var a = review.Assessment;
        return new LightsView(
            a is null ? null : LightView.Of(a.Light, a.Reason),
            a is null ? null : new BudgetLightView(a.Budget.Light.Code(), a.Budget.Light.Label(), a.Budget.Reason, a.Budget.TimeProgress, a.Budget.Rate, a.Budget.Lag, a.Budget.ForecastShare),
            a is null ? [.. Enumerable.Repeat<LightView?>(null, indicators)] : [.. a.Indicators.Select(i => (LightView?)LightView.Of(i.Light, i.Reason))],
            [.. review.Findings.Select(MonitoringFindingView.Of)],
            [.. (problems ?? []).Select(ProblemView.Of)],
            review.Blocking.Count);
    }

    /// <summary>A percentage as pages print it: 36.26.</summary>
    public static string Percent(decimal d) => Numbers.Fixed(d);
}
