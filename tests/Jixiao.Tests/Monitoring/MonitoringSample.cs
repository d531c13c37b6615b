using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Values;

namespace Jixiao.Tests.Monitoring;

/// <summary>The sample monitoring JSON beside these tests, and small forms built for one rule each.</summary>
internal static class MonitoringSample
{
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "tests", "Jixiao.Tests", "Monitoring", "sample-monitoring.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("tests/Jixiao.Tests/Monitoring/sample-monitoring.json not found");
        }
    }

    public static MonitoringForm Form(int through = 7, decimal initial = 100m, decimal? full = null, decimal executed = 60m, decimal? rate = null,
        decimal? forecast = null, string? causeText = "原因", params MonitoringIndicator[] indicators) => new()
    {
        Year = 2025,
        Through = through,
        Name = "测试项目",
        Line = 3,
        Budget = new MonitoringBudget(new MonitoringBudgetRow(initial, full, executed, rate, forecast, causeText)),
        Indicators = indicators,
    };

    public static MonitoringIndicator Indicator(string target, string? forecast, Likelihood? likelihood = Likelihood.Certain,
        DeviationCause[]? causes = null, string? causeText = null) => new()
    {
        Level1 = "产出指标",
        Level2 = "数量指标",
        Name = "指标",
        Target = target,
        TargetValue = ValueGrammar.Parse(target),
        Forecast = forecast,
        Likelihood = likelihood,
        Causes = causes ?? [],
        CauseText = causeText,
        Line = 9,
    };
}
