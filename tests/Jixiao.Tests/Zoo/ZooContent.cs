using System.Globalization;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;

namespace Jixiao.Tests.Zoo;

/// <summary>
/// Varies what a form says, not how it is printed, so that a reader tuned to the seeds' words and numbers
/// is caught: other project and unit names, goals from one clause to several hundred characters, indicator
/// names and targets of other operators, units and decimals (or words: 及时, 显著改善), actual values,
/// weights and scores, amounts from hundreds to billions, fewer or more indicators. 一级/二级 labels stay in
/// the official vocabulary (they are the form's, not the unit's). Deterministic for a given
/// <see cref="Random"/>; <c>bench zoo --generated N --seed S --content</c> prints such sets.
/// </summary>
public static class ZooContent
{
    private static readonly string[] Projects =
    [
        "城市更新", "社区卫生服务能力提升", "智慧政务平台运维", "老旧小区综合改造", "河道综合整治", "职业技能培训补贴", "农村饮水安全巩固",
        "校园安全保障", "公共文化服务体系建设", "医疗保险信息系统升级", "APP移动端开发", "5G网络覆盖补助", "长江口生态修复", "防汛物资储备",
        "残疾人康复服务", "食品安全抽检", "重大活动安保经费", "历史建筑保护修缮", "一网通办", "科创中心建设专项",
    ];

    private static readonly string[] Suffixes = ["", "", "项目", "专项经费", "（二期）", "（2024—2026年）", "运行维护费", "补助资金"];

    private static readonly string[] Units =
    [
        "上海市浦东新区卫生健康委员会", "上海市徐汇区教育局", "上海市水务局（上海市海洋局）", "上海市第一人民医院", "上海市大数据中心",
        "上海市民政局", "上海市绿化和市容管理局", "上海市残疾人联合会", "上海市市场监督管理局", "上海图书馆（上海科学技术情报研究所）",
    ];

    private static readonly string[] Clauses =
    [
        "按计划完成年度工作任务", "确保项目资金使用规范、安全、有效", "服务对象满意度达到90%以上", "完成设备采购12台（套）",
        "培训人员不少于300人次", "系统全年稳定运行，故障响应时间不超过2小时", "进一步提升公共服务水平", "实现GDP相关统计数据按季度报送",
        "覆盖全市16个区", "年内完成验收并投入使用", "节约成本约5.5%", "群众获得感明显增强", "（含上年结转任务）",
        "落实“放管服”改革要求", "做好疫情防控常态化保障工作",
    ];

    private static readonly string[] Names =
    [
        "培训人次", "设备采购数量", "系统正常运行率", "验收合格率", "项目完成及时率", "投诉处理率", "成本节约率", "覆盖区数",
        "服务对象满意度", "社会知晓率", "数据报送准确率", "整改完成率", "受益人数", "修缮面积", "巡查频次", "资金到位及时性",
        "对改善民生的促进作用", "APP月活跃用户数", "平均响应时间", "长效管理机制健全性",
    ];

    private static readonly string[] Measures = ["(%)", "(个)", "(人次)", "(万元)", "(天)", "(次)", "(项)", "(户)", "(平方米)", "(公里)", "(台)", "(小时)"];

    private static readonly string[] Words = ["及时", "有效提升", "良好", "显著改善", "逐步提高", "合格", "达标", "完成", "明显", "健全"];

    private static readonly string[] Operators = ["≥", "≥", "≥", "≤", "=", ">", "<"];

    private static readonly string[] Deviations =
    [
        "无", "无偏差", "受疫情影响，部分培训延期至下一年度。", "采购流程较长，设备于12月到货。", "已完成", "资金结余主要为政府采购节约。",
        "下一步将加强预算执行管理，提前做好采购计划。",
    ];

    /// <summary>The form with its words and numbers varied; the kind, year, group and the level labels kept.</summary>
    public static PerformanceForm Vary(PerformanceForm f, Random rng)
    {
        T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];
        string Sentence(int clauses) => string.Join("，", Enumerable.Range(0, clauses).Select(_ => Pick(Clauses))) + "。";
        var indicators = Indicators(f, rng);
        var self = f.Kind == FormKind.SelfEvaluation;
        return f with
        {
            Name = rng.Next(3) == 0 ? f.Name + Pick(Suffixes) : Pick(Projects) + Pick(Suffixes),
            Department = rng.Next(2) == 0 ? f.Department : Pick(Units),
            Unit = rng.Next(2) == 0 ? f.Unit : Pick(Units),
            Goal = Sentence(rng.Next(4) == 0 ? 12 + rng.Next(10) : 1 + rng.Next(4)),
            Outcome = self ? Sentence(1 + rng.Next(6)) : f.Outcome,
            Funds = f.Funds is null ? null : Funds(rng),
            Budget = f.Budget is null ? null : Budget(f.Budget, rng),
            Indicators = indicators,
            TotalWeight = self && f.TotalWeight is not null ? indicators.Sum(i => i.Weight ?? 0) + (f.Budget?.Total?.Weight ?? 0) : f.TotalWeight,
            TotalScore = self && f.TotalScore is not null ? indicators.Sum(i => i.Score ?? 0) + (f.Budget?.Total?.Score ?? 0) : f.TotalScore,
        };
    }

    private static List<Indicator> Indicators(PerformanceForm f, Random rng)
    {
        T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];
        var list = f.Indicators.ToList();
        if (list.Count > 4 && rng.Next(3) == 0)
        {
            list = [.. list.Where(_ => rng.Next(3) > 0)]; // fewer rows
        }

        if (rng.Next(4) == 0)
        {
            list = [.. list.SelectMany(i => rng.Next(3) == 0 ? new[] { i, i with { Name = i.Name + "（续）" } } : [i])]; // more rows in a group
        }

        var self = f.Kind == FormKind.SelfEvaluation;
        return [.. list.Select(i =>
        {
            var (target, actual) = Values(rng);
            var weight = self && i.Weight is not null ? (decimal)Pick([2, 3, 4, 5, 5, 6, 8, 10, 10, 15, 20]) : (decimal?)null;
            var score = weight is { } w ? Math.Round(w * (decimal)(0.5 + (rng.NextDouble() * 0.5)), rng.Next(3) == 0 ? 0 : 2) : (decimal?)null;
            return i with
            {
                Name = rng.Next(3) == 0 ? i.Name : Pick(Names),
                Target = target,
                TargetValue = ValueGrammar.Parse(target),
                Actual = self ? actual : i.Actual,
                ActualValue = self ? ValueGrammar.Parse(actual) : i.ActualValue,
                Weight = weight ?? i.Weight,
                Score = score ?? i.Score,
                Deviation = self ? (rng.Next(3) == 0 ? null : Pick(Deviations)) : i.Deviation,
            };
        })];
    }

    /// <summary>A target and an actual of the same kind: quantities with an operator, a number and a unit, or words.</summary>
    private static (string Target, string Actual) Values(Random rng)
    {
        T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];
        if (rng.Next(4) == 0)
        {
            var word = Pick(Words);
            return (word, rng.Next(2) == 0 ? word : Pick(Words));
        }

        var unit = Pick(Measures);
        var decimals = Pick([0, 2, 2, 1]);
        var magnitude = unit == "(%)" ? 100 : Pick([10, 100, 1000, 100000]);
        string Number(double x) => Math.Round((decimal)x, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var target = rng.NextDouble() * magnitude;
        var actual = target * (0.8 + (rng.NextDouble() * 0.4));
        return (Pick(Operators) + Number(target) + unit, Number(actual) + unit);
    }

    private static Funds Funds(Random rng)
    {
        var current = Amount(rng, 100, 500_000_000);
        var carry = rng.Next(3) == 0 ? Amount(rng, 0, 1_000_000) : 0m;
        var other = rng.Next(3) == 0 ? Amount(rng, 0, 1_000_000) : 0m;
        return new Funds(current + carry + other, current, carry, other);
    }

    private static Budget Budget(Budget b, Random rng)
    {
        var scale = (decimal)Math.Pow(10, rng.Next(-2, 5));
        BudgetRow? Row(BudgetRow? r, bool total)
        {
            if (r is null)
            {
                return null;
            }

            var full = Math.Round((r.Full ?? r.Initial ?? 1m) * scale, 2);
            var executed = Math.Round(full * (decimal)(0.6 + (rng.NextDouble() * 0.4)), 2);
            var rate = full == 0 ? (decimal?)null : Math.Round(executed / full * 100, 2);
            return r with
            {
                Initial = r.Initial is null ? null : Math.Round(r.Initial.Value * scale, 2),
                Full = r.Full is null ? null : full,
                Executed = r.Executed is null ? null : executed,
                Rate = r.Rate is null ? null : rate,
                Score = total && r.Score is not null && r.Weight is { } w && rate is { } x ? Math.Round(w * Math.Min(x, 100) / 100, 2) : r.Score,
            };
        }

        return new Budget(Row(b.Total, true), Row(b.CurrentYear, false), Row(b.CarryOver, false), Row(b.Other, false));
    }

    private static decimal Amount(Random rng, int min, int max) => Math.Round((decimal)(min + (rng.NextDouble() * (max - min))), 2);
}
