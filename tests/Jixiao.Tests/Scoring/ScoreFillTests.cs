using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Formats.Json;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Scoring;

/// <summary>Scores removed from a published self-evaluation are filled in exactly.</summary>
public class ScoreFillTests
{
    private static PerformanceForm Blank(PerformanceForm f) => f with
    {
        Indicators = f.Indicators.Select(i => i with { Score = null }).ToList(),
        Budget = f.Budget! with { Total = f.Budget.Total! with { Rate = null, Score = null } },
        TotalScore = null,
        Grade = null,
    };

    [Theory]
    [InlineData(Seeds.File002)]
    [InlineData(Seeds.File003)]
    public void Removed_scores_come_back(string file)
    {
        foreach (var published in Seeds.Read(file).Forms)
        {
            var blank = Blank(published);
            var policy = PolicyDetector.Detect(blank).Policy; // nothing printed decides: the year does
            var filled = Scorer.Score(blank, policy).ApplyTo(blank);

            Assert.Equal(published.Indicators.Select(i => i.Score), filled.Indicators.Select(i => i.Score));
            Assert.Equal(published.Budget!.Total!.Rate, filled.Budget!.Total!.Rate);
            Assert.Equal(published.Budget.Total.Score, filled.Budget.Total.Score);
            Assert.Equal(published.TotalScore, filled.TotalScore);
            Assert.Equal(published.Grade, filled.Grade);
        }
    }

    [Fact]
    public void A_missing_score_that_cannot_be_computed_leaves_the_total_open()
    {
        var form = Blank(Seeds.Form(Seeds.File002, "局系统培训经费"));
        form = form with { Indicators = [form.Indicators[0] with { ActualValue = null, Actual = null }, .. form.Indicators.Skip(1)] };
        var score = Scorer.Score(form, ScoringPolicy.Shanghai2023);
        Assert.Null(score.Total);
        Assert.Contains("培训人次", score.TotalExplanation);
        Assert.Null(score.ApplyTo(form).TotalScore);
    }

    [Fact]
    public void The_interchange_json_carries_the_explanations()
    {
        var published = Seeds.Form(Seeds.File002, "药械化稽查综合检查");
        var blank = Blank(published);
        var detection = PolicyDetector.Detect(blank);
        var score = Scorer.Score(blank, detection.Policy);
        var filled = score.ApplyTo(blank);
        var annotations = ScoreAnnotations.For(blank, score, detection);
        var doc = new DisclosureDocument("x.json", [filled], []);

        using var ms = new MemoryStream();
        DisclosureJson.Write(ms, doc, f => ReferenceEquals(f, filled) ? annotations : null);
        using var json = JsonDocument.Parse(ms.ToArray());
        var form = json.RootElement.GetProperty("forms")[0];
        Assert.Equal(93.42m, form.GetProperty("totalScore").GetDecimal());
        Assert.Equal("优", form.GetProperty("grade").GetString());
        Assert.Equal(4.80m, form.GetProperty("budget").GetProperty("total").GetProperty("score").GetDecimal());
        Assert.StartsWith("shanghai-2023", form.GetProperty("explanations").GetProperty("policy").GetString());
        Assert.Contains("→ 4.80 (truncate)", form.GetProperty("explanations").GetProperty("budget").GetString());
        var promo = form.GetProperty("indicators")[1];
        Assert.Equal(0.63m, promo.GetProperty("score").GetDecimal());
        Assert.Equal("2.00 × 3135 / 10000 = 0.627 → 0.63 (half-up)", promo.GetProperty("explanation").GetString());

        // The spec's fields read back unchanged; the added ones are ignored by the reader.
        var back = DisclosureJson.Read(System.Text.Encoding.UTF8.GetString(ms.ToArray()), "x.json")[0].Forms[0];
        Assert.Equal(filled.Indicators.Select(i => i.Score), back.Indicators.Select(i => i.Score));
    }
}
