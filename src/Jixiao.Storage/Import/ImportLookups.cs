using System.Data;
using System.Data.Common;
using Jixiao.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jixiao.Storage.Import;

internal sealed record StoredContent(string Source, int Version);

internal sealed record KnownSource(long Id, int? LastVersion);

/// <summary>A project of a unit in one of its years (or without any), with the kinds of form in force that year.</summary>
internal sealed record KnownProjectYear(long ProjectId, string ProjectName, string ProjectKey, long? YearId, int Year, string? YearKey, bool HasTarget, bool HasSelfEvaluation);

internal sealed record TargetFunds(long ProjectId, string Name, string Goal, decimal? Funds);

/// <summary>
/// The lookups an import makes for every file, as plain SQL on commands kept for the whole run (SQLite
/// keeps them prepared): an import makes them thousands of times, and building each through LINQ would
/// cost more than running it. The SQL is the same on both databases.
/// </summary>
internal sealed class ImportLookups(JixiaoDbContext context) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = [];
    private readonly bool _sqlite = context.Database.IsSqlite();

    public StoredContent? ContentByHash(string hash) => Single(
        "SELECT s.name, v.version FROM document_versions v JOIN source_documents s ON s.id = v.source_document_id WHERE v.content_hash = @hash",
        r => new StoredContent(r.GetString(0), r.GetInt32(1)),
        ("hash", hash));

    public KnownSource? SourceByName(string name) => Single(
        "SELECT s.id, (SELECT MAX(v.version) FROM document_versions v WHERE v.source_document_id = s.id) FROM source_documents s WHERE s.name = @name",
        r => new KnownSource(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt32(1)),
        ("name", name));

    public void Supersede(long sourceId) => Execute(
        "UPDATE document_versions SET is_current = @no WHERE source_document_id = @source AND is_current = @yes",
        ("no", false), ("yes", true), ("source", sourceId));

    public long? UnitId(string key) => Single("SELECT id FROM units WHERE name_key = @key", r => (long?)r.GetInt64(0), ("key", key));

    public long? DepartmentId(string key) => Single("SELECT id FROM departments WHERE name_key = @key", r => (long?)r.GetInt64(0), ("key", key));

    /// <remarks>Joins rather than EXISTS: PostgreSQL runs an EXISTS here as a hashed subplan over all forms.</remarks>
    public List<KnownProjectYear> ProjectsOf(long unitId) => Many(
        """
        SELECT p.id, p.name, p.name_key, y.id, y.year, y.name_key,
            MAX(CASE WHEN f.kind = 'target' AND v.is_current = @yes THEN 1 ELSE 0 END),
            MAX(CASE WHEN f.kind = 'selfEvaluation' AND v.is_current = @yes THEN 1 ELSE 0 END)
        FROM projects p
        LEFT JOIN project_years y ON y.project_id = p.id
        LEFT JOIN forms f ON f.project_year_id = y.id
        LEFT JOIN document_versions v ON v.id = f.document_version_id
        WHERE p.unit_id = @unit
        GROUP BY p.id, p.name, p.name_key, y.id, y.year, y.name_key
        """,
        r => new KnownProjectYear(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.IsDBNull(4) ? 0 : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6) == 1, r.GetInt32(7) == 1),
        ("unit", unitId), ("yes", true));

    /// <summary>The target forms in force of a unit in a year, with their projects.</summary>
    public List<TargetFunds> TargetsOf(long unitId, int year) => Many(
        """
        SELECT y.project_id, f.name, f.goal, f.funds_annual_total
        FROM forms f
        JOIN project_years y ON y.id = f.project_year_id
        JOIN projects p ON p.id = y.project_id
        JOIN document_versions v ON v.id = f.document_version_id
        WHERE p.unit_id = @unit AND y.year = @year AND f.kind = 'target' AND v.is_current = @yes
        """,
        r => new TargetFunds(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : _sqlite ? Decimals.FromHundredths(r.GetInt64(3)) : r.GetDecimal(3)),
        ("unit", unitId), ("year", year), ("yes", true));

    /// <summary>Records a detected parent/child link unless it is known already.</summary>
    public void LinkDetected(long parent, long child) => Execute(
        "INSERT INTO project_relations (parent_project_id, child_project_id, origin) VALUES (@parent, @child, 'detected') ON CONFLICT DO NOTHING",
        ("parent", parent), ("child", child));

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
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
