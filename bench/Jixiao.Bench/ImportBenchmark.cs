using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jixiao.Domain.Model;
using Jixiao.Domain.Projects;
using Jixiao.Storage;
using Jixiao.Storage.Bulk;
using Jixiao.Storage.Entities;
using Jixiao.Storage.Import;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jixiao.Bench;

/// <summary>
/// <c>import [--forms N] [--postgres CONNECTION]</c>: import throughput of N synthetic forms (default
/// 100,000, made by varying the seeds) through <see cref="Importer"/>, one transaction per document as
/// <c>jixiao import</c> does, against a raw insert of the same rows into a fresh copy of the same
/// schema on the same server in one transaction (prepared INSERTs on SQLite, binary COPY on PostgreSQL,
/// values converted beforehand). SQLite always; PostgreSQL when a connection string is given
/// (<c>--postgres</c> or <c>$JIXIAO_TEST_POSTGRES</c>). Goal: import at ≥ 50 % of the raw rate.
/// </summary>
internal static class ImportBenchmark
{
    public static int Run(string[] args)
    {
        var forms = Option(args, "--forms") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 100_000;
        var postgres = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("JIXIAO_TEST_POSTGRES");
        var seeds = Seeds.All.Select(Seeds.Read).ToList();
        var perCopy = seeds.Sum(d => d.Forms.Count);
        var documents = SyntheticDocuments.Generate(seeds, (forms + perCopy - 1) / perCopy).ToList();
        var sources = documents.Select(d => ImportSource.FromDocuments(d.Source + ".json", ImportSource.Hash(Encoding.UTF8.GetBytes(d.Source)), 0, [d])).ToList();
        var totalForms = sources.Sum(s => s.FormCount);
        var totalIndicators = sources.Sum(s => s.IndicatorCount);
        Console.WriteLine($"import benchmark: {sources.Count:N0} documents, {totalForms:N0} forms, {totalIndicators:N0} indicators, {sources.Sum(s => s.DiagnosticCount):N0} diagnostics");

        var ok = Measure("SQLite", () => Sqlite.Create(), sources, totalForms, totalIndicators);
        if (!string.IsNullOrEmpty(postgres))
        {
            ok &= Measure("PostgreSQL", () => Postgres.Create(postgres), sources, totalForms, totalIndicators);
        }

        return ok ? 0 : 1;
    }

    private static bool Measure(string name, Func<IScratch> create, List<ImportSource> sources, int forms, int indicators)
    {
        double importSeconds;
        using (var scratch = create())
        {
            var importer = new Importer(scratch.Database);
            var watch = Stopwatch.StartNew();
            importer.Import(sources); // one transaction per document, over one connection, as jixiao import does
            importSeconds = watch.Elapsed.TotalSeconds;
        }

        double rawSeconds;
        using (var scratch = create())
        {
            using var context = scratch.Database.CreateContext();
            var tables = RawRows.Build(context.Model, sources);
            context.Database.OpenConnection();
            var connection = context.Database.GetDbConnection();
            var watch = Stopwatch.StartNew();
            using (var transaction = connection.BeginTransaction())
            {
                foreach (var table in tables)
                {
                    if (connection is NpgsqlConnection npgsql)
                    {
                        Copy(npgsql, table);
                    }
                    else
                    {
                        Insert(connection, transaction, table);
                    }
                }

                transaction.Commit();
            }

            rawSeconds = watch.Elapsed.TotalSeconds;
        }

        var ratio = rawSeconds / importSeconds;
        Console.WriteLine($"{name,-10} import: {importSeconds,7:F2} s  {forms / importSeconds,9:N0} forms/s  {indicators / importSeconds,10:N0} indicators/s");
        Console.WriteLine($"{name,-10} raw:    {rawSeconds,7:F2} s  {forms / rawSeconds,9:N0} forms/s  {indicators / rawSeconds,10:N0} indicators/s");
        Console.WriteLine($"{name,-10} import runs at {ratio:P0} of the raw rate (goal ≥ 50 %){(ratio >= 0.5 ? "" : "  ← BELOW GOAL")}");
        return ratio >= 0.5;
    }

    private static void Insert(DbConnection connection, DbTransaction transaction, RawTable table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = table.Columns.Select((_, i) => new SqliteParameter($"$p{i}", null)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }

    private static void Copy(NpgsqlConnection connection, RawTable table)
    {
        using var copy = connection.BeginBinaryImport($"COPY {table.Name} ({string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in table.Rows)
        {
            copy.WriteRow(row);
        }

        copy.Complete();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record RawTable(string Name, string[] Columns, List<object?[]> Rows);

    /// <summary>The rows the importer writes for the sources, built in memory with exact-name project identity, as provider values.</summary>
    private static class RawRows
    {
        public static List<RawTable> Build(Microsoft.EntityFrameworkCore.Metadata.IModel model, List<ImportSource> sources)
        {
            var departments = new Dictionary<string, Department>();
            var units = new Dictionary<string, Unit>();
            var projects = new Dictionary<(long, string), Project>();
            var years = new Dictionary<(long, int), ProjectYear>();
            var documents = new List<SourceDocument>();
            var versions = new List<DocumentVersion>();
            var forms = new List<StoredForm>();
            var indicators = new List<StoredIndicator>();
            var budget = new List<StoredBudgetRow>();
            var diagnostics = new List<StoredDiagnostic>();
            foreach (var source in sources)
            {
                var document = new SourceDocument { Id = documents.Count + 1, Name = source.Name };
                documents.Add(document);
                var version = new DocumentVersion
                {
                    Id = document.Id, SourceDocumentId = document.Id, Version = 1, ContentHash = source.ContentHash, FileName = source.FileName,
                    ImportedAt = DateTime.UtcNow, IsCurrent = true, FormCount = source.FormCount, IndicatorCount = source.IndicatorCount, DiagnosticCount = source.DiagnosticCount,
                };
                versions.Add(version);
                var ordinal = 0;
                foreach (var form in source.Documents.SelectMany(d => d.Forms))
                {
                    var department = GetOrAdd(departments, ProjectNames.Key(form.Department), k => new Department { Id = departments.Count + 1, Name = form.Department, NameKey = k });
                    var unit = GetOrAdd(units, ProjectNames.Key(form.Unit), k => new Unit { Id = units.Count + 1, DepartmentId = department.Id, Name = form.Unit, NameKey = k });
                    var project = GetOrAdd(projects, (unit.Id, ProjectNames.Key(form.Name)), k => new Project { Id = projects.Count + 1, UnitId = unit.Id, Name = form.Name, NameKey = k.Item2 });
                    var year = GetOrAdd(years, (project.Id, form.Year ?? 0), k => new ProjectYear { Id = years.Count + 1, ProjectId = project.Id, Year = k.Item2, Name = form.Name, NameKey = project.NameKey, MatchKind = MatchKind.SameName, Similarity = 1 });
                    var row = FormRows.Form(form, forms.Count + 1, version.Id, year.Id, ordinal++);
                    forms.Add(row);
                    indicators.AddRange(form.Indicators.Select((i, n) => FormRows.Indicator(i, row.Id, n)));
                    budget.AddRange(FormRows.BudgetRows(form.Budget, row.Id));
                }

                diagnostics.AddRange(source.Documents.SelectMany(d => d.Diagnostics).Select((d, n) => new StoredDiagnostic
                {
                    DocumentVersionId = version.Id, Ordinal = n, Severity = d.Severity, Line = d.Line, Code = d.Code, Message = d.Message,
                }));
            }

            return
            [
                Table(model, departments.Values), Table(model, units.Values), Table(model, projects.Values), Table(model, years.Values),
                Table(model, documents), Table(model, versions), Table(model, forms), Table(model, indicators), Table(model, budget), Table(model, diagnostics),
            ];
        }

        private static RawTable Table<T>(Microsoft.EntityFrameworkCore.Metadata.IModel model, IEnumerable<T> rows)
            where T : class
        {
            var map = TableMap.For<T>(model);
            return new RawTable(map.Table, map.Columns, [.. rows.Select(r => map.Values.Select(v => v(r)).ToArray())]);
        }

        private static TValue GetOrAdd<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, Func<TKey, TValue> create)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var value))
            {
                map[key] = value = create(key);
            }

            return value;
        }
    }

    /// <summary>A fresh, migrated database for one measurement, removed afterwards.</summary>
    private interface IScratch : IDisposable
    {
        JixiaoDatabase Database { get; }
    }

    private sealed class Sqlite(string folder) : IScratch
    {
        public JixiaoDatabase Database { get; } = Migrated($"Data Source={Path.Combine(folder, "bench.db")}");

        public static Sqlite Create() => new(Directory.CreateTempSubdirectory("jixiao-bench-").FullName);

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Postgres(string server, string schema) : IScratch
    {
        public JixiaoDatabase Database { get; } = Migrated(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString);

        public static Postgres Create(string server)
        {
            var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
            Admin(server, $"CREATE SCHEMA {schema}");
            return new Postgres(server, schema);
        }

        public void Dispose()
        {
            NpgsqlConnection.ClearAllPools();
            Admin(server, $"DROP SCHEMA {schema} CASCADE");
        }

        private static void Admin(string server, string sql)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }

    private static JixiaoDatabase Migrated(string connectionString)
    {
        var database = JixiaoDatabase.Open(connectionString);
        database.Migrate();
        return database;
    }
}
