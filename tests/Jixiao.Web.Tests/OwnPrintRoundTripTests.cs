using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;
using Jixiao.Tests.Support;
using Jixiao.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jixiao.Web.Tests;

/// <summary>
/// The app's own PDF print reads back: every seed form printed by <c>/forms/{id}/pdf</c> (headless Chromium)
/// and read by the geometry reader (<see cref="DocumentLoader"/>) gives back the stored form, field by field.
/// </summary>
public class OwnPrintRoundTripTests(KestrelWebFixture fixture, ITestOutputHelper output) : IClassFixture<KestrelWebFixture>
{
    [Fact]
    public async Task Every_seed_form_printed_by_the_app_reads_back_with_every_field_equal()
    {
        var data = fixture.Web.Services.GetRequiredService<IReadModel>();
        var rows = data.Forms(new Scope()).ToList();
        Assert.Equal(80, rows.Count);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(3) };
        var differences = new List<string>();
        var gate = new SemaphoreSlim(2);
        var tasks = rows.Select(async row =>
        {
            await gate.WaitAsync();
            try
            {
                var expected = data.Form(row.Id)!.Form;
                var pdf = await http.GetByteArrayAsync($"{fixture.BaseUrl}/forms/{row.Id}/pdf");
                var document = DocumentLoader.LoadBytes(pdf, $"form-{row.Id}.pdf").Single();
                var read = Assert.Single(document.Forms);
                var want = FormJson.Of(Comparable(expected));
                var got = FormJson.Of(Comparable(read));
                if (want != got)
                {
                    lock (differences)
                    {
                        differences.Add($"{row.Id} {expected.Name}: {string.Join("; ", Diff(want, got).Take(6))}");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
        output.WriteLine($"{rows.Count - differences.Count} of {rows.Count} forms read back equal");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(5)));
    }

    /// <summary>
    /// The form as the page prints it: without where it stood in its source file (line numbers, the 汇总表
    /// heading above it), which a single form's page does not show; strings compared without white space.
    /// </summary>
    private static PerformanceForm Comparable(PerformanceForm f) => f with
    {
        Line = 0,
        Group = null,
        Name = Squeeze(f.Name),
        Unit = Squeeze(f.Unit),
        Department = Squeeze(f.Department),
        Goal = Squeeze(f.Goal),
        Outcome = f.Outcome is null ? null : Squeeze(f.Outcome),
        Indicators = [.. f.Indicators.Select(i => i with
        {
            Line = 0,
            Name = Squeeze(i.Name),
            Target = Squeeze(i.Target),
            Actual = i.Actual is null ? null : Squeeze(i.Actual),
            Deviation = string.IsNullOrWhiteSpace(i.Deviation) ? null : Squeeze(i.Deviation),
        })],
    };

    /// <summary>The paths where two JSON texts differ, with both values.</summary>
    private static IEnumerable<string> Diff(string expected, string read)
    {
        using var a = System.Text.Json.JsonDocument.Parse(expected);
        using var b = System.Text.Json.JsonDocument.Parse(read);
        var result = new List<string>();
        Walk(a.RootElement, b.RootElement, "", result);
        return result;

        static void Walk(System.Text.Json.JsonElement x, System.Text.Json.JsonElement y, string path, List<string> result)
        {
            if (x.ValueKind == System.Text.Json.JsonValueKind.Object && y.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var p in x.EnumerateObject())
                {
                    Walk(p.Value, y.TryGetProperty(p.Name, out var q) ? q : default, $"{path}.{p.Name}", result);
                }
            }
            else if (x.ValueKind == System.Text.Json.JsonValueKind.Array && y.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                for (var i = 0; i < Math.Max(x.GetArrayLength(), y.GetArrayLength()); i++)
                {
                    Walk(i < x.GetArrayLength() ? x[i] : default, i < y.GetArrayLength() ? y[i] : default, $"{path}[{i}]", result);
                }
            }
            else if ((x.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "" : x.GetRawText()) != (y.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "" : y.GetRawText()))
            {
                result.Add($"{path}: {Text(x)} ≠ {Text(y)}");
            }
        }

        static string Text(System.Text.Json.JsonElement e) => e.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Undefined => "(none)",
            System.Text.Json.JsonValueKind.String => $"\"{e.GetString()}\"",
            _ => e.GetRawText(),
        };
    }

    private static string Squeeze(string s) => new([.. s.Where(c => !char.IsWhiteSpace(c))]);
}
