using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Jixiao.Formats.Json;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Storage.Tests;

/// <summary>The CLI as a child process: killed mid-import, and two imports at once.</summary>
public sealed class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_killed_midway_leaves_a_consistent_database_and_a_rerun_completes_it(string provider)
    {
        const int copies = 120; // 600 files, 9,600 forms
        using var db = TestDatabase.Create(provider);
        using var files = SyntheticFiles.Write(copies);

        using (var first = Cli.Start("import", files.Path, "--db", db.ConnectionString, "--format", "json"))
        {
            var stored = 0L;
            var watch = Stopwatch.StartNew();
            while (stored < 30 && !first.Process.HasExited && watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(20);
                stored = db.Scalar("SELECT count(*) FROM document_versions");
            }

            Assert.False(first.Process.HasExited, $"the import ended before it could be killed ({stored} files stored): {first}");
            first.Process.Kill(); // SIGKILL
            await first.Process.WaitForExitAsync();
        }

        var partial = db.Scalar("SELECT count(*) FROM document_versions");
        Assert.InRange(partial, 30, copies * 5 - 1);
        AssertConsistent(db);
        Assert.Equal(partial, db.Scalar("SELECT count(*) FROM import_audit WHERE outcome = 'imported'")); // each line went in with its file, none without

        using (var rerun = Cli.Start("import", files.Path, "--db", db.ConnectionString, "--format", "json"))
        {
            Assert.True(await rerun.WaitAsync() == 0, rerun.ToString());
        }

        AssertConsistent(db);
        var stats = await db.Store.StatsAsync();
        Assert.Equal((copies * 5, copies * 80, copies * 1052), (stats.DocumentVersions, stats.Forms, stats.Indicators));
        Assert.Equal(copies * 80, stats.FormsInHistory);
        Assert.Equal(copies * 5, db.Scalar("SELECT count(*) FROM import_audit WHERE outcome = 'imported'"));
        Assert.Equal(partial, db.Scalar("SELECT count(*) FROM import_audit WHERE outcome = 'unchanged'"));
        Assert.Equal(copies * 5 + partial, db.Scalar($"SELECT count(*) FROM import_audit WHERE user_name = 'cli:{Environment.UserName}'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_imports_of_the_same_files_at_once_store_each_file_once(string provider)
    {
        const int copies = 20;
        using var db = TestDatabase.Create(provider);
        using var files = SyntheticFiles.Write(copies);

        using var a = Cli.Start("import", files.Path, "--db", db.ConnectionString, "--format", "json");
        using var b = Cli.Start("import", files.Path, "--db", db.ConnectionString, "--format", "json");
        var exits = await Task.WhenAll(a.WaitAsync(), b.WaitAsync());

        Assert.True(exits is [0, 0], $"{a}\n{b}");
        AssertConsistent(db);
        var stats = await db.Store.StatsAsync();
        Assert.Equal((copies * 5, copies * 5, copies * 80, copies * 1052), (stats.SourceDocuments, stats.DocumentVersions, stats.Forms, stats.Indicators));
        Assert.Equal(copies / 4 * 6, stats.Units);
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM (SELECT unit_id, name_key FROM projects GROUP BY unit_id, name_key HAVING count(*) > 1) d"));
        var outcomes = new[] { a, b }.SelectMany(cli => JsonDocument.Parse(cli.Output).RootElement.GetProperty("files").EnumerateArray())
            .GroupBy(f => f.GetProperty("outcome").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(copies * 5, outcomes["imported"]); // each file by exactly one of the two
        Assert.Equal(copies * 5, outcomes["unchanged"]);
        Assert.Equal(copies * 5, db.Scalar("SELECT count(*) FROM import_audit WHERE outcome = 'imported'"));
        Assert.Equal(copies * 5, db.Scalar("SELECT count(*) FROM import_audit WHERE outcome = 'unchanged'"));
    }

    /// <summary>Every stored version is complete, and nothing is left that no stored form uses.</summary>
    private static void AssertConsistent(TestDatabase db)
    {
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM document_versions v WHERE v.form_count <> (SELECT count(*) FROM forms f WHERE f.document_version_id = v.id)"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM document_versions v WHERE v.indicator_count <> (SELECT count(*) FROM indicators i JOIN forms f ON f.id = i.form_id WHERE f.document_version_id = v.id)"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM document_versions v WHERE v.diagnostic_count <> (SELECT count(*) FROM diagnostics d WHERE d.document_version_id = v.id)"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM project_years y WHERE NOT EXISTS (SELECT 1 FROM forms f WHERE f.project_year_id = y.id)"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM units u WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.unit_id = u.id)"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM source_documents s WHERE NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.source_document_id = s.id)"));
        Assert.Equal(db.Scalar("SELECT count(*) FROM source_documents"), db.Scalar("SELECT count(*) FROM document_versions WHERE is_current = TRUE"));
    }

    /// <summary>Synthetic interchange JSON files in a temporary folder.</summary>
    private static class SyntheticFiles
    {
        public static TempFolder Write(int copies)
        {
            var folder = new TempFolder();
            var seeds = Seeds.All.Select(Seeds.Read).ToList();
            Parallel.ForEach(SyntheticDocuments.Generate(seeds, copies), document =>
                File.WriteAllText(folder.File(document.Source + ".json"), DisclosureJson.ToJson(document), Encoding.UTF8));
            return folder;
        }
    }

    /// <summary>The jixiao CLI (copied beside the tests) run by <c>dotnet</c>, its output collected.</summary>
    private sealed class Cli : IDisposable
    {
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _errors = new();

        private Cli(Process process) => Process = process;

        public Process Process { get; }

        /// <summary>What the CLI wrote to standard output.</summary>
        public string Output => Read(_output);

        /// <summary>Both streams, for failure messages.</summary>
        public override string ToString() => Read(_output) + Read(_errors);

        public static Cli Start(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jixiao.dll"));
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var cli = new Cli(Process.Start(start)!);
            cli.Process.OutputDataReceived += (_, e) => cli.Append(cli._output, e.Data);
            cli.Process.ErrorDataReceived += (_, e) => cli.Append(cli._errors, e.Data);
            cli.Process.BeginOutputReadLine();
            cli.Process.BeginErrorReadLine();
            return cli;
        }

        public async Task<int> WaitAsync()
        {
            await Process.WaitForExitAsync();
            return Process.ExitCode;
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
            }

            Process.Dispose();
        }

        private void Append(StringBuilder to, string? line)
        {
            lock (to)
            {
                to.AppendLine(line);
            }
        }

        private static string Read(StringBuilder from)
        {
            lock (from)
            {
                return from.ToString();
            }
        }
    }
}
