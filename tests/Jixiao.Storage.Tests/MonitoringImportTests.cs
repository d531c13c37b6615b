using Jixiao.Application;
using Jixiao.Domain.Monitoring;
using Jixiao.Formats.Json;
using Jixiao.Formats.Xlsx;
using Jixiao.Storage.Import;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Monitoring;
using Jixiao.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Jixiao.Storage.Tests;

/// <summary>
/// <c>jixiao import</c> of monitoring files (JSON <c>kind: "monitoring"</c>, the 执行监控表 workbook) through
/// <see cref="ImportDocuments"/>: stored in <c>monitoring_forms</c> with versions, idempotent across formats, one
/// transaction per file, every change in <c>monitoring_audit</c> and every file in <c>import_audit</c>.
/// </summary>
public sealed class MonitoringImportTests
{
    private const string User = "cli:tester";

    private static string Monitoring(TestDatabase db, string column) =>
        string.Join("|", ScalarTexts(db, $"SELECT {column} FROM monitoring_forms ORDER BY id"));

    private static IEnumerable<string> ScalarTexts(TestDatabase db, string sql)
    {
        using var context = db.Database.CreateContext();
        using var command = context.Database.GetDbConnection().CreateCommand();
        context.Database.OpenConnection();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_imports_of_the_same_new_monitoring_form_at_once_store_it_once(string provider)
    {
        const int rounds = 8; // each round a form not stored yet, imported by two importers (two contexts) at once
        using var db = TestDatabase.Create(provider);
        new ImportDocuments(db.Database).Files([Seeds.PathOf(Seeds.File001)], User);
        var sample = File.ReadAllText(MonitoringSample.Path);

        for (var round = 0; round < rounds; round++)
        {
            var content = System.Text.Encoding.UTF8.GetBytes(sample.Replace("组织人事专项", $"组织人事专项{round}", StringComparison.Ordinal));
            using var start = new Barrier(2);
            var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return MonitoringFiles.Import(db.Database, User, $"监控-{round}.json", content);
            }, TaskCreationOptions.LongRunning)));

            Assert.Single(results, r => r.Outcome == ImportOutcome.Imported);
            Assert.Single(results, r => r.Outcome == ImportOutcome.Unchanged);
        }

        Assert.Equal(rounds, ScalarTexts(db, "SELECT id FROM monitoring_forms").Count());
        Assert.Equal(rounds, ScalarTexts(db, "SELECT id FROM monitoring_audit").Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void A_monitoring_file_is_stored_once_a_changed_one_is_its_next_version_and_the_workbook_of_it_changes_nothing(string provider)
    {
        using var db = TestDatabase.Create(provider);
        using var folder = new TempFolder();
        var import = new ImportDocuments(db.Database);
        var sample = File.ReadAllText(MonitoringSample.Path);
        var changed = folder.File("监控-改.json");
        File.WriteAllText(changed, sample.Replace("\"forecast\": \"3(次)\"", "\"forecast\": \"2(次)\"", StringComparison.Ordinal));

        var first = import.Files([Seeds.PathOf(Seeds.File001), MonitoringSample.Path], User);
        var again = import.Files([MonitoringSample.Path], User).Single();
        var next = import.Files([changed], User).Single();

        Assert.Equal([ImportOutcome.Imported, ImportOutcome.Imported], first.Select(r => r.Outcome)); // in the order given
        Assert.Equal((1, 1, 7), (first[1].Version, first[1].Forms, first[1].Indicators));
        Assert.Equal((ImportOutcome.Unchanged, 1), (again.Outcome, again.Version));
        Assert.Equal((ImportOutcome.NewVersion, 2), (next.Outcome, next.Version));
        Assert.Equal("2", Monitoring(db, "version"));
        Assert.Equal("submitted", Monitoring(db, "state"));
        using var json = System.Text.Json.JsonDocument.Parse(ScalarTexts(db, "SELECT form_json FROM monitoring_forms").Single());
        var stored = MonitoringJson.ReadForm(json.RootElement, out var problems);
        Assert.Empty(problems);
        Assert.Equal("2(次)", stored.Indicators[0].Forecast);
        Assert.Equal(("组织人事专项", 2023, "上海市医疗保障局", 7), (stored.Name, stored.Year, stored.Unit, stored.Through));
        Assert.Equal(["import", "import"], ScalarTexts(db, "SELECT action FROM monitoring_audit ORDER BY id"));
        Assert.Equal(["", "submitted"], ScalarTexts(db, "SELECT before_json FROM monitoring_audit ORDER BY id").Select(b => b.Length == 0 ? "" : System.Text.Json.JsonDocument.Parse(b).RootElement.GetProperty("state").GetString()));
        Assert.Equal(["imported", "imported", "unchanged", "newVersion"], ScalarTexts(db, "SELECT outcome FROM import_audit ORDER BY id"));

        // The same form as a 执行监控表 workbook (and as the import template): the same content, nothing stored.
        foreach (var template in new[] { false, true })
        {
            var workbook = folder.File(template ? "模板.xlsx" : "监控表.xlsx");
            using (var output = File.Create(workbook))
            {
                if (template)
                {
                    MonitoringXlsx.WriteTemplate(output, stored);
                }
                else
                {
                    MonitoringXlsx.Write(output, [stored]);
                }
            }

            var fromXlsx = import.Files([workbook], User).Single();
            Assert.Equal((ImportOutcome.Unchanged, 2), (fromXlsx.Outcome, fromXlsx.Version));
        }

        Assert.Equal("2", Monitoring(db, "version"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void A_file_with_a_form_that_cannot_be_stored_stores_none_of_its_forms_and_says_why(string provider)
    {
        using var db = TestDatabase.Create(provider);
        using var folder = new TempFolder();
        var import = new ImportDocuments(db.Database);
        import.Files([Seeds.PathOf(Seeds.File001)], User);
        var form = MonitoringJson.Read(File.ReadAllText(MonitoringSample.Path), "sample").Single().Forms.Single();
        var unknown = form with { Name = "另一个项目", Unit = "不存在的单位" };
        var two = folder.File("两张.json");
        File.WriteAllText(two, $"{{\"schema\":\"jixiao.disclosure/1\",\"source\":\"两张.json\",\"forms\":[{MonitoringJson.FormJson(form)},{MonitoringJson.FormJson(unknown)}]}}");
        var bad = folder.File("坏.json");
        File.WriteAllText(bad, File.ReadAllText(MonitoringSample.Path).Replace("\"through\": 7", "\"through\": 13", StringComparison.Ordinal));

        var results = new ImportDocuments(db.Database).Files([two, bad], User);

        Assert.All(results, r => Assert.Equal(ImportOutcome.Failed, r.Outcome));
        Assert.Contains("不存在的单位", results[0].Message, StringComparison.Ordinal);
        Assert.Contains("through", results[1].Message, StringComparison.Ordinal);
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM monitoring_forms"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM monitoring_audit"));
        Assert.Equal(["imported", "failed", "failed"], ScalarTexts(db, "SELECT outcome FROM import_audit ORDER BY id"));
    }
}
