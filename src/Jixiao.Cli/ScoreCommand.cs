using System.CommandLine;
using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Formats.Json;

namespace Jixiao.Cli;

/// <summary>
/// <c>jixiao score FILE.json [--policy NAME]</c>: scores the self-evaluations of an interchange document
/// (scores may be missing, weights present) and prints it back with every indicator score, the budget
/// rate and score, the total and the grade filled in, each with its explanation.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "自评表的交换 JSON（也可为文本或 PDF）" };
        var policy = PolicyOption.Create();
        var command = new Command("score", "按计分规则计算自评表得分，输出补全得分与计算说明的交换 JSON") { file, policy };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(policy)));
        return command;
    }

    private static int Run(string path, string? policyName)
    {
        var (documents, exit) = InputFiles.Load([path]);
        if (exit != 0)
        {
            return exit;
        }

        var forced = ScoringPolicy.Find(policyName);
        var annotations = new Dictionary<PerformanceForm, FormAnnotations>(ReferenceEqualityComparer.Instance);
        var scored = documents.Select(d => d with { Forms = Score(d.Forms, forced, annotations) }).ToList();
        using var stdout = Console.OpenStandardOutput();
        if (scored.Count == 1)
        {
            DisclosureJson.Write(stdout, scored[0], annotations.GetValueOrDefault);
        }
        else
        {
            DisclosureJson.WriteMany(stdout, scored, annotations.GetValueOrDefault);
        }

        stdout.WriteByte((byte)'\n');
        return 0;
    }

    private static List<PerformanceForm> Score(IReadOnlyList<PerformanceForm> forms, ScoringPolicy? forced, Dictionary<PerformanceForm, FormAnnotations> annotations)
    {
        var detections = PolicyDetector.DetectAll(forms, forced);
        var result = new List<PerformanceForm>(forms.Count);
        for (var i = 0; i < forms.Count; i++)
        {
            var form = forms[i];
            if (form.Kind != FormKind.SelfEvaluation)
            {
                result.Add(form);
                continue;
            }

            var score = Scorer.Score(form, detections[i].Policy);
            var filled = score.ApplyTo(form);
            annotations[filled] = ScoreAnnotations.For(form, score, detections[i]);
            result.Add(filled);
        }

        return result;
    }
}
