using Jixiao.Domain.Model;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Zoo;

/// <summary>The zoo's comparison, on real seed forms: what counts as equal, what as a difference, and how many fields.</summary>
public sealed class FormDiffTests
{
    // 000 form 0: 信息化运维项目, a target form of 17 indicators, 4,855,541.00 元.
    private static PerformanceForm Target => ZooLayout.Printed(Seeds.Read(Seeds.File000).Forms[0]);

    // 002 form 0: 法律法规专项业务经费, a self-evaluation of 12 indicators, total 83.00 / 74.33 万元, 98.95 优.
    private static PerformanceForm Self => ZooLayout.Printed(Seeds.Read(Seeds.File002).Forms[0]);

    /// <summary>Fields of a form besides its indicators: 10 heading fields, goal, outcome, 3 totals, and 4 funds or 18 budget fields.</summary>
    private static int FieldsOf(PerformanceForm f) =>
        15 + (f.Kind == FormKind.Target ? 4 : 18) + FormDiff.IndicatorFields * f.Indicators.Count;

    [Fact]
    public void The_seed_forms_are_what_the_tests_say()
    {
        Assert.Equal("信息化运维项目", Target.Name);
        Assert.Equal(17, Target.Indicators.Count);
        Assert.Equal(4855541.00m, Target.Funds!.AnnualTotal);
        Assert.Equal("法律法规专项业务经费", Self.Name);
        Assert.Equal(12, Self.Indicators.Count);
        Assert.Equal(98.95m, Self.TotalScore);
    }

    [Fact]
    public void A_form_equals_itself_and_every_field_is_counted()
    {
        var d = FormDiff.Compare([Target, Self], [Target, Self]);
        Assert.Empty(d.Differences);
        Assert.Equal(FieldsOf(Target) + FieldsOf(Self), d.Fields);
        Assert.Equal(15 + 4 + 8 * 17, FieldsOf(Target));
        Assert.Equal(2, d.FormsExact);
        Assert.Equal(1.0, d.FieldAccuracy);
    }

    [Fact]
    public void Whitespace_brackets_number_scale_and_line_do_not_count()
    {
        var t = Target;
        var read = t with
        {
            Line = 999,
            Name = " 信息化\n运维 项目",
            Goal = t.Goal.Replace("，", "，\n", StringComparison.Ordinal),
            Funds = t.Funds! with { AnnualTotal = 4855541m, Other = 0m },
            Indicators = [.. t.Indicators.Select(i => i with { Target = i.Target.Replace('(', '（').Replace(')', '）'), Line = 7 })],
        };
        Assert.Contains(t.Indicators, i => i.Target.Contains('(', StringComparison.Ordinal)); // the brackets really changed
        var d = FormDiff.Compare([t], [read]);
        Assert.Empty(d.Differences);
        Assert.Equal(1, d.FormsExact);
    }

    [Fact]
    public void A_changed_value_is_one_difference_with_its_path_and_both_values()
    {
        var t = Target;
        var k = t.Indicators.ToList().FindIndex(i => i.Target == "≥90.00(%)");
        Assert.True(k > 0);
        var read = t with
        {
            Funds = t.Funds! with { CurrentYear = 4855541.01m },
            Indicators = [.. t.Indicators.Select((i, n) => n == k ? i with { Target = "≥90.00" } : i)],
        };

        var d = FormDiff.Compare([Self, t], [Self, read]);

        Assert.Equal(2, d.Wrong);
        Assert.Equal(1, d.FormsExact);
        Assert.Equal($"forms[1].indicators[{k}].target: expected \"≥90.00(%)\", read \"≥90.00\"", d.Differences[1].ToString());
        Assert.Equal("forms[1].funds.currentYear: expected \"4855541.00\", read \"4855541.01\"", d.Differences[0].ToString());
        Assert.Equal("forms.indicators.target", d.Differences[1].Kind);
    }

    [Fact]
    public void A_missing_or_extra_indicator_is_eight_wrong_fields()
    {
        var s = Self;
        var missing = FormDiff.Compare([s], [s with { Indicators = [.. s.Indicators.Take(11)] }]);
        Assert.Equal(FormDiff.IndicatorFields, missing.Wrong);
        Assert.All(missing.Differences, x => Assert.StartsWith("forms[0].indicators[11].", x.Path, StringComparison.Ordinal));
        Assert.Equal("forms.indicators (missing)", missing.Differences[0].Kind);

        var extra = FormDiff.Compare([s], [s with { Indicators = [.. s.Indicators, s.Indicators[0]] }]);
        Assert.Equal(FormDiff.IndicatorFields, extra.Wrong);
        Assert.Equal(FieldsOf(s) + FormDiff.IndicatorFields, extra.Fields);
        Assert.Equal(0, extra.FormsExact);
    }

    [Fact]
    public void Indicators_are_matched_by_position_so_a_dropped_first_row_shifts_every_row()
    {
        var s = Self;
        var d = FormDiff.Compare([s], [s with { Indicators = [.. s.Indicators.Skip(1)] }]);
        Assert.True(d.Wrong > FormDiff.IndicatorFields, $"only {d.Wrong} wrong");
    }

    [Fact]
    public void A_missing_form_counts_all_its_fields_wrong_and_an_extra_form_too()
    {
        var d = FormDiff.Compare([Target, Self], [Target]);
        Assert.Equal(FieldsOf(Self), d.Wrong);
        Assert.Equal(FieldsOf(Target) + FieldsOf(Self), d.Fields);
        Assert.Equal(1, d.FormsExact);
        Assert.Equal(2, d.Forms);
        Assert.Equal("forms (missing)", d.Differences[0].Kind);

        var extra = FormDiff.Compare([Target], [Target, Self]);
        Assert.Equal(FieldsOf(Self), extra.Wrong);
        Assert.Equal(1, extra.Forms);
        Assert.Equal(1, extra.FormsExact);
    }

    [Fact]
    public void Budget_cells_and_totals_are_compared_by_value_and_null_is_not_zero()
    {
        var s = Self;
        var read = s with
        {
            Budget = s.Budget! with { Total = s.Budget.Total! with { Weight = null }, Other = s.Budget.Other! with { Rate = 0.001m } },
            TotalScore = 98.9m,
            Grade = "良",
        };
        var d = FormDiff.Compare([s], [read]);
        Assert.Equal(["forms[0].budget.total.weight", "forms[0].budget.other.rate", "forms[0].totalScore", "forms[0].grade"], d.Differences.Select(x => x.Path));
    }
}
