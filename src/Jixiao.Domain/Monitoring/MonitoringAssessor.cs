using Jixiao.Domain.Checks;
using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Values;

namespace Jixiao.Domain.Monitoring;

/// <summary>The budget light with the figures behind it.</summary>
/// <param name="TimeProgress">T = through / 12 × 100, cut to two decimals</param>
/// <param name="Rate">R = executed / base × 100, cut to two decimals</param>
/// <param name="Lag">T − R in percentage points (negative when ahead)</param>
/// <param name="ForecastShare">forecast / base × 100, cut to two decimals; null without a forecast</param>
public sealed record BudgetAssessment(decimal TimeProgress, decimal Rate, decimal Lag, decimal Base, string BaseLabel, decimal? ForecastShare, Light Light, string Reason);

/// <summary>One indicator's light and the reason in words.</summary>
public sealed record IndicatorAssessment(Light Light, string Reason);

/// <summary>The lights of one monitoring form and the <c>monitoring.*</c> findings.</summary>
public sealed record MonitoringAssessment(
    MonitoringPolicy Policy,
    BudgetAssessment Budget,
    IReadOnlyList<IndicatorAssessment> Indicators,
    Light Light,
    string Reason,
    IReadOnlyList<Finding> Findings);

/// <summary>
/// The lights of monitoring.md: time progress, execution rate, the budget, indicator and form lights, each
/// with its reason (<c>执行率 36.26% 落后时间进度 58.33% 22.07 个百分点 → 黄</c>), and the findings. Pure.
/// A forecast is compared with its target by the scorer's own rule (<see cref="Scorer"/>): the forecast
/// meets the target exactly when it would earn full marks as an actual.
/// </summary>
public static class MonitoringAssessor
{
    public const string RateMismatch = "monitoring.rate-mismatch";
    public const string UnitMismatch = "monitoring.unit-mismatch";
    public const string LikelihoodInconsistent = "monitoring.likelihood-inconsistent";
    public const string CauseMissing = "monitoring.cause-missing";
    public const string BudgetCauseMissing = "monitoring.budget-cause-missing";
    public const string OverExecuted = "monitoring.over-executed";

    /// <summary>Every finding code, with its severity.</summary>
    public static readonly IReadOnlyDictionary<string, Severity> Codes = new Dictionary<string, Severity>
    {
        [RateMismatch] = Severity.Error,
        [UnitMismatch] = Severity.Warning,
        [LikelihoodInconsistent] = Severity.Warning,
        [CauseMissing] = Severity.Error,
        [BudgetCauseMissing] = Severity.Warning,
        [OverExecuted] = Severity.Warning,
    };

    /// <summary>Only the comparison of the scorer is used: whether a value earns full marks does not depend on the scoring policy.</summary>
    private static readonly ScoringPolicy Comparison = ScoringPolicy.Shanghai2024;

    /// <summary>T = through / 12 × 100, cut by the policy (7 → 58.33).</summary>
    public static decimal TimeProgress(int through, MonitoringPolicy policy) =>
        policy.TimeProgressRounding.Apply(through * 100m / policy.MonthsInYear);

    /// <summary>R = executed / base × 100, cut by the policy; null when a figure is missing or the base is 0.</summary>
    public static decimal? Rate(MonitoringBudgetRow? row, MonitoringPolicy policy) =>
        row?.Executed is { } e && row.Base(policy) is { } b && b != 0 ? policy.RateRounding.Apply(e * 100 / b) : null;

    /// <summary>Assesses a form that passes <see cref="MonitoringValidation"/> (throws <see cref="ArgumentException"/> otherwise).</summary>
    public static MonitoringAssessment Assess(MonitoringForm form, MonitoringPolicy? policy = null, string source = "")
    {
        policy ??= MonitoringPolicy.Default;
        if (MonitoringValidation.Problems(form, policy) is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("；", problems), nameof(form));
        }

        var findings = new List<Finding>();
        var budget = AssessBudget(form, policy, source, findings);
        var indicators = new List<IndicatorAssessment>(form.Indicators.Count);
        foreach (var indicator in form.Indicators)
        {
            indicators.Add(AssessIndicator(form, indicator, source, findings));
        }

        var light = indicators.Select(i => i.Light).Append(budget.Light).Max();
        var counts = indicators.Count == 0
            ? "无指标"
            : "指标 " + string.Join("、", new[] { Light.Red, Light.Yellow, Light.Green }
                .Select(l => (l, n: indicators.Count(i => i.Light == l))).Where(x => x.n > 0).Select(x => $"{x.l.Label()} {x.n} 个"));
        var reason = $"预算执行 {budget.Light.Label()}；{counts} → {light.Label()}";
        return new MonitoringAssessment(policy, budget, indicators, light, reason, findings);
    }

    private static BudgetAssessment AssessBudget(MonitoringForm form, MonitoringPolicy policy, string source, List<Finding> findings)
    {
        var total = form.Budget.Total!;
        var t = TimeProgress(form.Through, policy);
        var b = total.Base(policy)!.Value;
        var executed = total.Executed!.Value;
        var r = Rate(total, policy)!.Value;
        var lag = t - r;
        var baseLabel = total.BaseLabel(policy);

        if (total.Rate is { } printed && Math.Abs(printed - r) > policy.RateTolerance)
        {
            findings.Add(new Finding(RateMismatch, Codes[RateMismatch], source, form.Line, form.Name, null,
                $"{form.Period}执行率填报 {Numbers.Fixed(printed)}%，按执行数 {Numbers.Fixed(executed)} ÷ {baseLabel} {Numbers.Fixed(b)} × 100（{policy.RateRounding.Label()}）应为 {Numbers.Fixed(r)}%",
                Numbers.Fixed(r), Numbers.Fixed(printed)));
        }

        if (executed > b)
        {
            findings.Add(new Finding(OverExecuted, Codes[OverExecuted], source, form.Line, form.Name, null,
                $"{form.Period}执行数 {Numbers.Fixed(executed)} 万元超过{baseLabel} {Numbers.Fixed(b)} 万元",
                Numbers.Fixed(b), Numbers.Fixed(executed)));
        }

        var lagText = lag > 0 ? $"执行率 {Numbers.Fixed(r)}% 落后时间进度 {Numbers.Fixed(t)}% {Numbers.Fixed(lag)} 个百分点"
            : lag == 0 ? $"执行率 {Numbers.Fixed(r)}% 与时间进度 {Numbers.Fixed(t)}% 持平"
            : $"执行率 {Numbers.Fixed(r)}% 超前时间进度 {Numbers.Fixed(t)}% {Numbers.Fixed(-lag)} 个百分点";
        decimal? share = total.Forecast is { } f ? policy.RateRounding.Apply(f * 100 / b) : null;
        var forecastRed = total.Forecast < policy.RedForecastShare * b;
        var forecastYellow = total.Forecast < policy.YellowForecastShare * b;
        var light = lag > policy.RedLag || forecastRed ? Light.Red
            : lag > policy.YellowLag || forecastYellow ? Light.Yellow
            : Light.Green;
        var parts = new List<string> { lagText };
        if (forecastYellow)
        {
            var threshold = forecastRed ? policy.RedForecastShare : policy.YellowForecastShare;
            parts.Add($"全年预计执行数 {Numbers.Fixed(total.Forecast!.Value)} 万元为{baseLabel} {Numbers.Fixed(b)} 万元的 {Numbers.Fixed(share!.Value)}%，低于 {Numbers.Plain(threshold * 100)}%");
        }

        var reason = $"{string.Join("；", parts)} → {light.Label()}";
        if (light != Light.Green && string.IsNullOrWhiteSpace(total.CauseText))
        {
            findings.Add(new Finding(BudgetCauseMissing, Codes[BudgetCauseMissing], source, form.Line, form.Name, null,
                $"预算执行为{light.Label()}灯（{lagText}），未说明执行偏差原因及改进措施（budget.total.causeText）"));
        }

        return new BudgetAssessment(t, r, lag, b, baseLabel, share, light, reason);
    }

    private static IndicatorAssessment AssessIndicator(MonitoringForm form, MonitoringIndicator indicator, string source, List<Finding> findings)
    {
        var red = new List<string>();
        var yellow = new List<string>();
        var green = new List<string>();
        var target = indicator.TargetValue;
        var targetText = ValueGrammar.Clean(indicator.Target);
        var likelihood = indicator.Likelihood;
        var likelihoodText = likelihood is { } l ? $"完成目标可能性为“{l.Label()}”" : null;
        var line = indicator.Line != 0 ? indicator.Line : form.Line;

        if (target.IsQuantity)
        {
            if (likelihood == Likelihood.Impossible)
            {
                red.Add(likelihoodText!);
            }
            else if (likelihood == Likelihood.Possible)
            {
                yellow.Add(likelihoodText!);
            }

            var forecastText = indicator.Forecast is null ? "" : ValueGrammar.Clean(indicator.Forecast);
            var forecast = indicator.ForecastValue;
            if (forecast is null || forecast.IsEmpty)
            {
                yellow.Add("未填全年预计完成值");
            }
            else if (!forecast.IsQuantity)
            {
                yellow.Add($"全年预计完成值“{forecastText}”不是数值，无法与年度指标值 {targetText} 比较");
            }
            else
            {
                var score = Scorer.Score(1m, Normalized(target), Normalized(forecast), Comparison);
                if (score.Reason == NotScoredReason.UnitMismatch)
                {
                    var text = $"全年预计完成值 {forecastText} 与年度指标值 {targetText} 单位不同（{forecast.Unit} / {target.Unit}），无法比较";
                    yellow.Add(text);
                    findings.Add(new Finding(UnitMismatch, Codes[UnitMismatch], source, line, form.Name, indicator.Name, text, target.Unit, forecast.Unit));
                }
                else if (!score.IsScored)
                {
                    yellow.Add($"全年预计完成值 {forecastText} 无法与年度指标值 {targetText} 比较");
                }
                else if (score.Method == ScoreMethod.FullMarks || score.Method == ScoreMethod.ZeroTarget && score.Score == score.Weight)
                {
                    green.Add($"全年预计完成值 {forecastText} 达到年度指标值 {targetText}");
                }
                else
                {
                    var text = $"全年预计完成值 {forecastText} 未达到年度指标值 {targetText}";
                    if (likelihood == Likelihood.Certain)
                    {
                        red.Add(text + "，却填完成目标可能性为“确定能”");
                        findings.Add(new Finding(LikelihoodInconsistent, Codes[LikelihoodInconsistent], source, line, form.Name, indicator.Name,
                            $"完成目标可能性填“确定能”，但{text}", targetText, forecastText));
                    }
                    else
                    {
                        red.Add(text);
                    }
                }
            }

            if (likelihood == Likelihood.Certain)
            {
                green.Add(likelihoodText!);
            }
        }
        else
        {
            switch (likelihood)
            {
                case Likelihood.Impossible:
                    red.Add($"定性指标，{likelihoodText}");
                    break;
                case Likelihood.Possible:
                    yellow.Add($"定性指标，{likelihoodText}");
                    break;
                case Likelihood.Certain:
                    green.Add($"定性指标，{likelihoodText}");
                    break;
                default:
                    yellow.Add("定性指标，未填完成目标可能性");
                    break;
            }
        }

        var light = red.Count > 0 ? Light.Red : yellow.Count > 0 ? Light.Yellow : Light.Green;
        var parts = light switch { Light.Red => red, Light.Yellow => yellow, _ => green };
        if (parts.Count == 0)
        {
            parts.Add("全年预计完成值达到年度指标值");
        }

        if (light != Light.Green)
        {
            var missing = new List<string>();
            if (indicator.Causes.Count == 0)
            {
                missing.Add("未勾选偏差原因");
            }

            if (string.IsNullOrWhiteSpace(indicator.CauseText))
            {
                missing.Add("未说明原因及改进措施");
            }

            if (missing.Count > 0)
            {
                findings.Add(new Finding(CauseMissing, Codes[CauseMissing], source, line, form.Name, indicator.Name,
                    $"指标为{light.Label()}灯，{string.Join("，", missing)}"));
            }
        }

        return new IndicatorAssessment(light, $"{string.Join("；", parts)} → {light.Label()}");
    }

    /// <summary>The value with its unit in half-width form (<c>％</c> → <c>%</c>, <c>（个）</c> is already <c>个</c>).</summary>
    private static IndicatorValue Normalized(IndicatorValue value) =>
        value.Unit is { } unit ? value with { Unit = unit.Normalize(System.Text.NormalizationForm.FormKC) } : value;
}
