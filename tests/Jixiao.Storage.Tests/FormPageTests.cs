using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;
using Jixiao.Storage.Import;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xunit;

namespace Jixiao.Storage.Tests;

/// <summary>One form for its page (<c>JixiaoStore.FormPage</c>): the same form as <c>FormAsync</c>, its findings resolved, in two queries.</summary>
public sealed class FormPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_form_page_reads_the_form_findings_and_keys_like_the_detail(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer(RuleFindings.Provider()).ImportFiles([.. Seeds.All.Select(Seeds.PathOf)]);
        SetFindings.Refresh(db.Database);
        var formsWithFindings = 0;

        for (var id = 1L; id <= 80; id++)
        {
            var page = db.Store.FormPage(id);
            var detail = await db.Store.FormAsync(id);
            Assert.NotNull(page);
            Assert.NotNull(detail);
            Assert.Equal((detail.ProjectId, detail.Source, detail.Version, detail.IsCurrent), (page.ProjectId, page.Source, page.Version, page.IsCurrent));
            Assert.Equal(Json(detail.Form), Json(page.Form));
            Assert.Equal(detail.Findings.Select(f => (f.Id, f.Code, f.Severity, f.Message)).Order(), page.Findings.Select(f => (f.Id, f.Code, f.Severity, f.Message)).Order());
            foreach (var (finding, view) in page.Findings.Join(detail.Findings, f => f.Id, f => f.Id, (f, v) => (f, v)))
            {
                var indicator = view.IndicatorOrdinal is { } o ? detail.Form.Indicators[o] : null;
                Assert.Equal(indicator?.Name, finding.Indicator);
                Assert.Equal(indicator?.Line ?? detail.Form.Line, finding.Line);
            }

            formsWithFindings += page.Findings.Count > 0 ? 1 : 0;
        }

        Assert.True(formsWithFindings > 10, $"{formsWithFindings} forms with findings");
        Assert.Null(db.Store.FormPage(999_999));
    }

    [Fact]
    public void A_form_page_takes_two_queries()
    {
        using var db = TestDatabase.Create(TestDatabase.Sqlite);
        db.Store.Importer(RuleFindings.Provider()).ImportFile(Seeds.PathOf(Seeds.File002));

        // Listening from the start: EF decides whether to report commands when it sets up its services.
        var commands = CommandsOn(db.ConnectionString, () =>
        {
            db.Store.FormPage(1); // compiled on first use
            db.Store.ImportHistoryOfForm(1);
        }, () => db.Store.FormPage(2), () => db.Store.ImportHistoryOfForm(2));

        Assert.Equal(2, commands[1].Count);
        Assert.Single(commands[2]);
    }

    private static string Json(PerformanceForm form)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            DisclosureJson.WriteForm(writer, form);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The SQL commands EF ran on the database of <paramref name="connectionString"/> during each of <paramref name="steps"/>.</summary>
    private static List<string>[] CommandsOn(string connectionString, params Action[] steps)
    {
        var file = connectionString["Data Source=".Length..];
        var seen = steps.Select(_ => new List<string>()).ToArray();
        var step = 0;
        var inner = new List<IDisposable>();
        var commands = new Observer<KeyValuePair<string, object?>>(e =>
        {
            if (e.Value is CommandExecutedEventData data && data.Command.Connection?.DataSource == file)
            {
                lock (seen)
                {
                    seen[step].Add(data.Command.CommandText);
                }
            }
        });
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (inner)
                {
                    inner.Add(listener.Subscribe(commands));
                }
            }
        }));
        try
        {
            for (; step < steps.Length; step++)
            {
                steps[step]();
            }
        }
        finally
        {
            lock (inner)
            {
                inner.ForEach(s => s.Dispose());
            }
        }

        return seen;
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => next(value);
    }
}
