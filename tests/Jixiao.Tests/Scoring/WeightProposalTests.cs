using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Values;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Scoring;

public class WeightProposalTests
{
    private static Indicator Row(string level1) => new(level1, "", "指标", "≥1", ValueGrammar.Parse("≥1"));

    public static TheoryData<string> SeedFiles() => [.. Seeds.All];

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Every_seed_declaration_gets_weights_that_total_100_with_the_budget_row(string file)
    {
        foreach (var form in Seeds.Read(file).Forms.Where(f => f.Kind == FormKind.Target))
        {
            var weights = WeightProposal.Propose(form.Indicators);

            Assert.Equal(100m, WeightProposal.Budget + weights.Sum());
            Assert.All(weights, w => Assert.True(w > 0 && decimal.Round(w, 2) == w, $"{form.Name}: {w}"));
        }
    }

    [Fact]
    public void The_national_split_is_shared_evenly_within_each_level_with_cost_counted_under_output()
    {
        // 000 信息化运维项目: 产出 9 + 成本 1 share 50, 效益 5 share 30, 满意度 2 share 10.
        var form = Seeds.Read(Seeds.File000).Forms[0];
        Assert.Equal("信息化运维项目", form.Name);

        var weights = WeightProposal.Propose(form.Indicators);

        for (var i = 0; i < weights.Length; i++)
        {
            var expected = form.Indicators[i].Level1 switch
            {
                IndicatorLevels.Benefit => 6m,
                _ => 5m,
            };
            Assert.Equal(expected, weights[i]);
        }
    }

    [Fact]
    public void Odd_cents_go_to_the_first_rows()
    {
        var weights = WeightProposal.Propose([Row("产出指标"), Row("产出指标"), Row("产出指标"), Row("效益指标"), Row("满意度指标")]);

        Assert.Equal([16.67m, 16.67m, 16.66m, 30m, 10m], weights);
    }

    [Fact]
    public void The_share_of_a_missing_level_goes_to_output_so_nothing_is_lost()
    {
        Assert.Equal([60m, 30m], WeightProposal.Propose([Row("产出指标"), Row("效益指标")]));
        Assert.Equal([80m, 10m], WeightProposal.Propose([Row("效益指标"), Row("满意度指标")])); // no 产出: the first level present takes its 50
        Assert.Empty(WeightProposal.Propose([]));
    }

    [Fact]
    public void A_self_evaluation_starts_from_the_declaration_with_funds_in_wan_yuan()
    {
        var target = Seeds.Read(Seeds.File000).Forms[0];

        var evaluation = EvaluationTemplate.From(target);

        Assert.Equal(FormKind.SelfEvaluation, evaluation.Kind);
        Assert.Equal(485.55m, evaluation.Budget!.Total!.Initial); // 4,855,541 元
        Assert.Equal(485.55m, evaluation.Budget.Total.Full);
        Assert.Null(evaluation.Budget.Total.Executed);
        Assert.Equal(WeightProposal.Budget, evaluation.Budget.Total.Weight);
        Assert.Equal(target.Indicators.Select(i => (i.Name, i.Target)), evaluation.Indicators.Select(i => (i.Name, i.Target)));
        Assert.All(evaluation.Indicators, i => Assert.Null(i.Actual));
        Assert.Null(evaluation.TotalScore);
    }
}
