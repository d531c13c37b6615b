using System.Data;
using System.Data.Common;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Storage.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Jixiao.Storage.Import;

/// <summary>Content already stored: the source it belongs to and its version there.</summary>
public sealed record StoredContent(string Source, int Version);

internal sealed record KnownSource(long Id, int? LastVersion);

/// <summary>A project of a unit in one of its years (or without any), with the kinds of form in force that year.</summary>
internal sealed record KnownProjectYear(long ProjectId, string ProjectName, string ProjectKey, long? YearId, int Year, string? YearKey, bool HasTarget, bool HasSelfEvaluation);

internal sealed record TargetFunds(long ProjectId, string Name, string Goal, decimal? Funds);

/// <summary>What the database holds about one file before it is stored.</summary>
/// <param name="Content">The source and version already holding the file's content, if any (then nothing else is looked up).</param>
/// <param name="Source">The source of the file's name, if known.</param>
/// <param name="Units">Ids of the file's units that exist, by name key.</param>
/// <param name="Departments">Ids of existing departments of the file's units, by name key (at least those of the missing units).</param>
/// <param name="Projects">The projects of each unit in <paramref name="Units"/>, by unit id.</param>
internal sealed record FileLookup(
    StoredContent? Content,
    KnownSource? Source,
    Dictionary<string, long> Units,
    Dictionary<string, long> Departments,
    Dictionary<long, List<KnownProjectYear>> Projects);

/// <summary>
/// The lookups an import makes for every file, as plain SQL: an import makes them thousands of times,
/// and building each through LINQ would cost more than running it. SQLite runs them one by one on
/// prepared commands kept for the whole run (in process a query costs microseconds). On PostgreSQL each
/// statement would be a round trip, so a file's lookups go in one batch (<see cref="Load"/>), its
/// targets are read in the round trip that writes its rows (<see cref="TargetsOf"/>) and its links in
/// one statement. Nothing is cached from one file to the next: each file's transaction sees what
/// concurrent importers have committed, as it did when every lookup was its own statement.
/// </summary>
internal sealed class ImportLookups(JixiaoDbContext context) : IDisposable
{
    private const string TargetsSql =
        $$"""
        SELECT y.project_id, f.name, f.goal, f.funds_annual_total
        FROM forms f
        JOIN project_years y ON y.id = f.project_year_id
        JOIN projects p ON p.id = y.project_id
        JOIN document_versions v ON v.id = f.document_version_id
        WHERE p.unit_id = @unit AND y.year = @year AND f.kind = '{{FormKinds.TargetWord}}' AND v.is_current = @yes
        """;

    private readonly Dictionary<string, DbCommand> _commands = [];
    private readonly bool _sqlite = context.Database.IsSqlite();

    /// <summary>
    /// What the database holds about a file: its content (unless <paramref name="hash"/> is null) and
    /// source, and its units (name keys, each with its department's key).
    /// </summary>
    public FileLookup Load(string? hash, string source, IReadOnlyCollection<(string Unit, string Department)> units) =>
        _sqlite ? LoadOneByOne(hash, source, units) : LoadBatched(hash, source, units);

    public void Supersede(long sourceId) => Execute(
        "UPDATE document_versions SET is_current = @no WHERE source_document_id = @source AND is_current = @yes",
        ("no", false), ("yes", true), ("source", sourceId));

    /// <summary>
    /// The target forms in force of each unit and year, with their projects, read once the rows
    /// <paramref name="writer"/> holds are written (on PostgreSQL in the same round trip).
    /// </summary>
    public List<(long UnitId, int Year, TargetFunds Target)> TargetsOf(IReadOnlyCollection<(long UnitId, int Year)> pairs, RowWriter writer)
    {
        var targets = new List<(long, int, TargetFunds)>();
        if (_sqlite)
        {
            writer.Flush();
            foreach (var (unit, year) in pairs)
            {
                targets.AddRange(Many(
                    TargetsSql,
                    r => (unit, year, new TargetFunds(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : Decimals.FromHundredths(r.GetInt64(3)))),
                    ("unit", unit), ("year", year), ("yes", true)));
            }

            return targets;
        }

        var query = new NpgsqlBatchCommand(
            $$"""
            SELECT t.unit_id, t.year, y.project_id, f.name, f.goal, f.funds_annual_total
            FROM unnest($1::bigint[], $2::integer[]) AS t (unit_id, year)
            JOIN projects p ON p.unit_id = t.unit_id
            JOIN project_years y ON y.project_id = p.id AND y.year = t.year
            JOIN forms f ON f.project_year_id = y.id
            JOIN document_versions v ON v.id = f.document_version_id
            WHERE f.kind = '{{FormKinds.TargetWord}}' AND v.is_current
            """);
        query.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.UnitId).ToArray() });
        query.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.Year).ToArray() });
        writer.Flush(query, reader =>
        {
            while (reader.Read())
            {
                targets.Add((reader.GetInt64(0), reader.GetInt32(1), new TargetFunds(reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetDecimal(5))));
            }
        });
        return targets;
    }

    /// <summary>Records detected parent/child links, each unless it is known already.</summary>
    public void LinkDetected(IReadOnlyCollection<(long Parent, long Child)> links)
    {
        if (links.Count == 0)
        {
            return;
        }

        if (_sqlite)
        {
            foreach (var (parent, child) in links)
            {
                Execute(
                    "INSERT INTO project_relations (parent_project_id, child_project_id, origin) VALUES (@parent, @child, 'detected') ON CONFLICT DO NOTHING",
                    ("parent", parent), ("child", child));
            }

            return;
        }

        using var command = new NpgsqlCommand(
            "INSERT INTO project_relations (parent_project_id, child_project_id, origin) SELECT *, 'detected' FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING",
            (NpgsqlConnection)context.Database.GetDbConnection(),
            (NpgsqlTransaction?)context.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter { Value = links.Select(l => l.Parent).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = links.Select(l => l.Child).ToArray() });
        command.Prepare();
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }

    private FileLookup LoadOneByOne(string? hash, string source, IReadOnlyCollection<(string Unit, string Department)> units)
    {
        var content = hash is null ? null : Single(
            "SELECT s.name, v.version FROM document_versions v JOIN source_documents s ON s.id = v.source_document_id WHERE v.content_hash = @hash",
            r => new StoredContent(r.GetString(0), r.GetInt32(1)),
            ("hash", hash));
        if (content is not null)
        {
            return new FileLookup(content, null, [], [], []);
        }

        var known = Single(
            "SELECT s.id, (SELECT MAX(v.version) FROM document_versions v WHERE v.source_document_id = s.id) FROM source_documents s WHERE s.name = @name",
            r => new KnownSource(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt32(1)),
            ("name", source));
        var (unitIds, departmentIds, projects) = (new Dictionary<string, long>(), new Dictionary<string, long>(), new Dictionary<long, List<KnownProjectYear>>());
        foreach (var (unit, department) in units)
        {
            if (unitIds.ContainsKey(unit))
            {
                continue;
            }

            if (Single("SELECT id FROM units WHERE name_key = @key", r => (long?)r.GetInt64(0), ("key", unit)) is { } id)
            {
                unitIds[unit] = id;
                projects[id] = ProjectsOf(id);
            }
            else if (!departmentIds.ContainsKey(department)
                && Single("SELECT id FROM departments WHERE name_key = @key", r => (long?)r.GetInt64(0), ("key", department)) is { } departmentId)
            {
                departmentIds[department] = departmentId;
            }
        }

        return new FileLookup(null, known, unitIds, departmentIds, projects);
    }

    /// <remarks>Joins rather than EXISTS: PostgreSQL runs an EXISTS here as a hashed subplan over all forms.</remarks>
    private List<KnownProjectYear> ProjectsOf(long unitId) => Many(
        $$"""
        SELECT p.id, p.name, p.name_key, y.id, y.year, y.name_key,
            MAX(CASE WHEN f.kind = '{{FormKinds.TargetWord}}' AND v.is_current = @yes THEN 1 ELSE 0 END),
            MAX(CASE WHEN f.kind = '{{FormKinds.SelfEvaluationWord}}' AND v.is_current = @yes THEN 1 ELSE 0 END)
        FROM projects p
        LEFT JOIN project_years y ON y.project_id = p.id
        LEFT JOIN forms f ON f.project_year_id = y.id
        LEFT JOIN document_versions v ON v.id = f.document_version_id
        WHERE p.unit_id = @unit
        GROUP BY p.id, p.name, p.name_key, y.id, y.year, y.name_key
        """,
        r => new KnownProjectYear(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.IsDBNull(4) ? 0 : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6) == 1, r.GetInt32(7) == 1),
        ("unit", unitId), ("yes", true));

    /// <summary>The lookups of <see cref="LoadOneByOne"/> as one batch: one round trip (departments are looked up for every unit, not only the missing ones).</summary>
    private FileLookup LoadBatched(string? hash, string source, IReadOnlyCollection<(string Unit, string Department)> units)
    {
        var unitKeys = units.Select(u => u.Unit).Distinct().ToArray();
        using var batch = new NpgsqlBatch((NpgsqlConnection)context.Database.GetDbConnection(), (NpgsqlTransaction?)context.Database.CurrentTransaction?.GetDbTransaction());
        Add(batch, "SELECT s.name, v.version FROM document_versions v JOIN source_documents s ON s.id = v.source_document_id WHERE v.content_hash = $1", (object?)hash ?? DBNull.Value);
        Add(batch, "SELECT s.id, (SELECT MAX(v.version) FROM document_versions v WHERE v.source_document_id = s.id) FROM source_documents s WHERE s.name = $1", source);
        Add(batch, "SELECT name_key, id FROM units WHERE name_key = ANY($1)", unitKeys);
        Add(batch, "SELECT name_key, id FROM departments WHERE name_key = ANY($1)", units.Select(u => u.Department).Distinct().ToArray());
        Add(
            batch,
            $$"""
            SELECT p.unit_id, p.id, p.name, p.name_key, y.id, y.year, y.name_key,
                MAX(CASE WHEN f.kind = '{{FormKinds.TargetWord}}' AND v.is_current THEN 1 ELSE 0 END),
                MAX(CASE WHEN f.kind = '{{FormKinds.SelfEvaluationWord}}' AND v.is_current THEN 1 ELSE 0 END)
            FROM units u
            JOIN projects p ON p.unit_id = u.id
            LEFT JOIN project_years y ON y.project_id = p.id
            LEFT JOIN forms f ON f.project_year_id = y.id
            LEFT JOIN document_versions v ON v.id = f.document_version_id
            WHERE u.name_key = ANY($1)
            GROUP BY p.unit_id, p.id, p.name, p.name_key, y.id, y.year, y.name_key
            """,
            unitKeys);

        batch.Prepare();
        using var reader = batch.ExecuteReader();
        var content = reader.Read() ? new StoredContent(reader.GetString(0), reader.GetInt32(1)) : null;
        reader.NextResult();
        var known = reader.Read() ? new KnownSource(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt32(1)) : null;
        reader.NextResult();
        var unitIds = Keys(reader);
        reader.NextResult();
        var departmentIds = Keys(reader);
        reader.NextResult();
        var projects = unitIds.Values.ToDictionary(id => id, _ => new List<KnownProjectYear>());
        while (reader.Read())
        {
            // Each statement of the batch sees the data committed when it starts: a unit another import
            // committed after the units were read is unknown here, as if it had come just after (the insert
            // of the unit then meets it, as it always could).
            if (!projects.TryGetValue(reader.GetInt64(0), out var years))
            {
                continue;
            }

            years.Add(new KnownProjectYear(
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? 0 : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetInt32(7) == 1,
                reader.GetInt32(8) == 1));
        }

        return new FileLookup(content, known, unitIds, departmentIds, projects);

        static void Add(NpgsqlBatch batch, string sql, object value) =>
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { value is DBNull ? new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } : new NpgsqlParameter { Value = value } } });

        static Dictionary<string, long> Keys(DbDataReader reader)
        {
            var keys = new Dictionary<string, long>();
            while (reader.Read())
            {
                keys[reader.GetString(0)] = reader.GetInt64(1);
            }

            return keys;
        }
    }

    private T? Single<T>(string sql, Func<DbDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var reader = Command(sql, parameters).ExecuteReader();
        return reader.Read() ? read(reader) : default;
    }

    private List<T> Many<T>(string sql, Func<DbDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var reader = Command(sql, parameters).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters) => Command(sql, parameters).ExecuteNonQuery();

    /// <summary>The command for <paramref name="sql"/>, created and prepared on first use, with the values bound.</summary>
    private DbCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        if (_commands.TryGetValue(sql, out var command))
        {
            command.Transaction = transaction;
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters[i].Value = parameters[i].Value;
            }

            return command;
        }

        command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        _commands[sql] = command;
        return command;
    }
}
