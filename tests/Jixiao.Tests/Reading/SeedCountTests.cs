using Jixiao.Domain.Model;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reading;

public class SeedCountTests
{
    [Theory]
    [InlineData(Seeds.File000, 7, 108)]
    [InlineData(Seeds.File001, 34, 356)]
    [InlineData(Seeds.File002, 9, 139)]
    [InlineData(Seeds.File003, 15, 209)]
    [InlineData(Seeds.File004, 15, 240)]
    public void Every_seed_reads_to_its_published_form_and_indicator_counts(string file, int forms, int indicators)
    {
        var doc = Seeds.Read(file);

        Assert.Equal(forms, doc.Forms.Count);
        Assert.Equal(indicators, doc.Forms.Sum(f => f.Indicators.Count));
        Assert.DoesNotContain(doc.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void All_seeds_together_hold_80_forms_and_1052_indicators_of_which_24_self_evaluations()
    {
        var forms = Seeds.All.SelectMany(f => Seeds.Read(f).Forms).ToList();

        Assert.Equal(80, forms.Count);
        Assert.Equal(1052, forms.Sum(f => f.Indicators.Count));
        Assert.Equal(24, forms.Count(f => f.Kind == FormKind.SelfEvaluation));
    }

    [Fact]
    public void Every_indicator_has_both_levels_and_a_name()
    {
        foreach (var file in Seeds.All)
        {
            foreach (var i in Seeds.Read(file).Forms.SelectMany(f => f.Indicators))
            {
                Assert.Contains(i.Level1, IndicatorLevels.Level1);
                Assert.True(IndicatorLevels.IsLevel2(i.Level2), $"{file}:{i.Line} level2 '{i.Level2}'");
                Assert.False(string.IsNullOrWhiteSpace(i.Name), $"{file}:{i.Line} has no name");
            }
        }
    }

    [Fact]
    public void Self_evaluation_weights_add_up_to_the_printed_100()
    {
        foreach (var file in new[] { Seeds.File002, Seeds.File003 })
        {
            foreach (var f in Seeds.Read(file).Forms)
            {
                Assert.Equal(100m, f.Budget!.Total!.Weight + f.Indicators.Sum(i => i.Weight));
                Assert.Equal(f.TotalScore, f.Budget.Total.Score + f.Indicators.Sum(i => i.Score));
                Assert.Equal(100m, f.TotalWeight);
                Assert.Equal("优", f.Grade);
            }
        }
    }
}
