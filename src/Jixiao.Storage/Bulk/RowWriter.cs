using System.Data.Common;
using System.Globalization;
using Jixiao.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Jixiao.Storage.Bulk;

/// <summary>
/// Inserts many rows fast inside the context's open transaction, bypassing change tracking: SQLite
/// through one prepared statement per table, PostgreSQL through binary COPY. Also hands out ids for
/// tables with an <c>id</c> key, so parents and children can be written in one go.
/// </summary>
internal abstract class RowWriter : IDisposable
{
    protected RowWriter(JixiaoDbContext context)
    {
        Context = context;
        Transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk writes need an open transaction");
        Connection = Transaction.Connection!;
    }

    protected JixiaoDbContext Context { get; }
    protected DbTransaction Transaction { get; }
    protected DbConnection Connection { get; }

    public static RowWriter Create(JixiaoDbContext context) =>
        context.Database.IsNpgsql() ? new PostgresRowWriter(context) : new SqliteRowWriter(context);

    public void Insert<T>(IReadOnlyCollection<T> rows)
        where T : class
    {
        if (rows.Count > 0)
        {
            Insert(TableMap.For<T>(Context.Model), rows);
        }
    }

    /// <summary>Gives each row a fresh id, then inserts them.</summary>
    public void InsertWithIds<T>(IReadOnlyList<T> rows)
        where T : class, IHasId
    {
        var ids = AllocateIds<T>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Id = ids[i];
        }

        Insert(rows);
    }

    /// <summary><paramref name="count"/> fresh ids for the table of <typeparamref name="T"/>.</summary>
    public long[] AllocateIds<T>(int count)
        where T : class
    {
        var map = TableMap.For<T>(Context.Model);
        if (!map.HasId)
        {
            throw new InvalidOperationException($"{map.Table} has no id column");
        }

        return count == 0 ? [] : AllocateIds(map.Table, count);
    }

    public virtual void Dispose()
    {
    }

    protected abstract void Insert<T>(TableMap map, IReadOnlyCollection<T> rows)
        where T : class;

    protected abstract long[] AllocateIds(string table, int count);

    protected DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        return command;
    }

    private sealed class SqliteRowWriter(JixiaoDbContext context) : RowWriter(context)
    {
        private readonly Dictionary<string, DbCommand> _inserts = [];
        private readonly Dictionary<string, long> _nextIds = [];

        protected override void Insert<T>(TableMap map, IReadOnlyCollection<T> rows)
        {
            if (!_inserts.TryGetValue(map.Table, out var command))
            {
                var names = string.Join(", ", map.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)));
                command = Command($"INSERT INTO {map.Table} ({string.Join(", ", map.Columns)}) VALUES ({names})");
                for (var i = 0; i < map.Columns.Length; i++)
                {
                    command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
                }

                command.Prepare();
                _inserts[map.Table] = command;
            }

            var parameters = command.Parameters;
            foreach (var row in rows)
            {
                for (var i = 0; i < map.Values.Length; i++)
                {
                    parameters[i].Value = map.Values[i](row) ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
            }
        }

        // The transaction holds SQLite's write lock (BEGIN IMMEDIATE), so ids above the current maximum are ours.
        protected override long[] AllocateIds(string table, int count)
        {
            if (!_nextIds.TryGetValue(table, out var next))
            {
                using var command = Command($"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}");
                next = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            _nextIds[table] = next + count;
            return [.. Enumerable.Range(0, count).Select(i => next + i)];
        }

        public override void Dispose()
        {
            foreach (var command in _inserts.Values)
            {
                command.Dispose();
            }
        }
    }

    private sealed class PostgresRowWriter(JixiaoDbContext context) : RowWriter(context)
    {
        protected override void Insert<T>(TableMap map, IReadOnlyCollection<T> rows)
        {
            var connection = (NpgsqlConnection)Connection;
            using var copy = connection.BeginBinaryImport($"COPY {map.Table} ({string.Join(", ", map.Columns)}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                copy.StartRow();
                foreach (var value in map.Values)
                {
                    if (value(row) is { } v)
                    {
                        copy.Write(v);
                    }
                    else
                    {
                        copy.WriteNull();
                    }
                }
            }

            copy.Complete();
        }

        protected override long[] AllocateIds(string table, int count)
        {
            using var command = Command($"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, {count.ToString(CultureInfo.InvariantCulture)})");
            using var reader = command.ExecuteReader();
            var ids = new long[count];
            for (var i = 0; reader.Read(); i++)
            {
                ids[i] = reader.GetInt64(0);
            }

            return ids;
        }
    }
}
