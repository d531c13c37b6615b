namespace Jixiao.Tests.Zoo;

/// <summary>Column width sets and column orders the catalogue picks from.</summary>
public static class ZooWidths
{
    /// <summary>Eight equal columns.</summary>
    public static readonly IReadOnlyList<double> Even = [1, 1, 1, 1, 1, 1, 1, 1];

    /// <summary>Roomy text columns: names and goals stay on one or two lines.</summary>
    public static readonly IReadOnlyList<double> Wide = [1.3, 1.3, 2.6, 1.6, 1.4, 0.8, 0.8, 1.6];

    /// <summary>Label columns so narrow that <c>一级指标</c> wraps to <c>一级指</c> / <c>标</c>; names wrap several times.</summary>
    public static readonly IReadOnlyList<double> Narrow = [0.55, 0.6, 1.2, 1.0, 1.0, 0.6, 0.6, 1.0];

    /// <summary>Wide value columns, narrow labels.</summary>
    public static readonly IReadOnlyList<double> ValuesWide = [0.8, 0.9, 1.6, 2.0, 1.6, 0.7, 0.7, 1.2];

    /// <summary>年初预算数 全年预算数 全年执行数 分数 执行率(%) 得分: the published order.</summary>
    public static readonly IReadOnlyList<BudgetColumn> OfficialBudgetOrder =
        [BudgetColumn.Initial, BudgetColumn.Full, BudgetColumn.Executed, BudgetColumn.Weight, BudgetColumn.Rate, BudgetColumn.Score];

    /// <summary>执行率 right after 全年执行数, before 分值.</summary>
    public static readonly IReadOnlyList<BudgetColumn> RateFirst =
        [BudgetColumn.Initial, BudgetColumn.Full, BudgetColumn.Executed, BudgetColumn.Rate, BudgetColumn.Weight, BudgetColumn.Score];

    /// <summary>Weight and score first, then the three amounts and the rate.</summary>
    public static readonly IReadOnlyList<BudgetColumn> ScoresFirst =
        [BudgetColumn.Weight, BudgetColumn.Score, BudgetColumn.Initial, BudgetColumn.Full, BudgetColumn.Executed, BudgetColumn.Rate];
}
