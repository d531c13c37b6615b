using System.Data.Common;
using System.Globalization;
using Jixiao.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Jixiao.Storage.Bulk;

/// <summary>
/// Inserts many rows fast inside the context's current transaction, bypassing change tracking: SQLite
/// through one prepared statement per table (kept across transactions), at once; PostgreSQL holds the
/// rows (their values taken at once) until <see cref="Flush"/>, which sends every table's rows as one
/// <c>INSERT … SELECT FROM unnest(arrays)</c> each, all in one batch: one round trip however many tables
/// a file fills (a table of thousands of rows goes in by binary COPY instead). Call <see cref="Flush"/>
/// before committing. Also hands out ids for tables with an <c>id</c> key, so parents and children can
/// be written in one go.
/// </summary>
internal abstract class RowWriter : IDisposable
{
    protected RowWriter(JixiaoDbContext context) => Context = context;

    protected JixiaoDbContext Context { get; }

    protected DbTransaction Transaction => Context.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("bulk writes need an open transaction");

    protected DbConnection Connection => Context.Database.GetDbConnection();

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

    /// <summary>
    /// Writes the rows held back (PostgreSQL); then runs <paramref name="query"/>, when given, in the same
    /// round trip and hands its results to <paramref name="read"/>. Only PostgreSQL takes a query.
    /// </summary>
    public abstract void Flush(NpgsqlBatchCommand? query = null, Action<NpgsqlDataReader>? read = null);

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
        private Dictionary<string, long> _nextIds = [];
        private DbTransaction? _idsFor;
        private DbCommand? _maxima;
        private List<string> _idTables = [];

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

            command.Transaction = Transaction;
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

        public override void Flush(NpgsqlBatchCommand? query = null, Action<NpgsqlDataReader>? read = null)
        {
            if (query is not null)
            {
                throw new NotSupportedException("SQLite runs no batches");
            }
        }

        // The transaction holds SQLite's write lock (BEGIN IMMEDIATE), so ids above the current maxima are
        // ours; the maxima of all id tables are read in one query, once per transaction.
        protected override long[] AllocateIds(string table, int count)
        {
            if (_idsFor != Transaction)
            {
                (_idsFor, _nextIds) = (Transaction, ReadMaxima());
            }

            var next = _nextIds[table];
            _nextIds[table] = next + count;
            return [.. Enumerable.Range(0, count).Select(i => next + i)];
        }

        private Dictionary<string, long> ReadMaxima()
        {
            if (_maxima is null)
            {
                _idTables = [.. Context.Model.GetEntityTypes().Select(e => TableMap.For(Context.Model, e.ClrType)).Where(m => m.HasId).Select(m => m.Table)];
                _maxima = Command("SELECT " + string.Join(", ", _idTables.Select(t => $"(SELECT COALESCE(MAX(id), 0) + 1 FROM {t})")));
            }

            _maxima.Transaction = Transaction;
            using var reader = _maxima.ExecuteReader();
            reader.Read();
            return _idTables.Select((t, i) => (t, reader.GetInt64(i))).ToDictionary(x => x.t, x => x.Item2);
        }

        public override void Dispose()
        {
            foreach (var command in _inserts.Values)
            {
                command.Dispose();
            }

            _maxima?.Dispose();
        }
    }

    private sealed class PostgresRowWriter(JixiaoDbContext context) : RowWriter(context)
    {
        /// <summary>Ids taken from a sequence at a time; the unused rest of a block is a harmless gap.</summary>
        private const int IdBlock = 1000;

        /// <summary>
        /// A table of at least this many rows goes in by binary COPY (two round trips of its own, the
        /// fastest way per row); smaller ones wait for the batch.
        /// </summary>
        private const int CopyRows = 5000;

        private readonly Dictionary<string, Queue<long>> _ids = [];
        private readonly Dictionary<string, string> _inserts = [];
        private readonly List<(string Sql, Array[] Columns)> _held = [];
        private Guid _heldFor;

        protected override void Insert<T>(TableMap map, IReadOnlyCollection<T> rows)
        {
            if (rows.Count >= CopyRows)
            {
                Flush();
                Copy(map, rows);
                return;
            }

            Hold();
            var list = rows as IReadOnlyList<object> ?? [.. rows];
            var columns = new Array[map.Columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c] = map.ColumnArrays[c](list);
            }

            _held.Add((InsertSql(map), columns));
        }

        public override void Flush(NpgsqlBatchCommand? query = null, Action<NpgsqlDataReader>? read = null)
        {
            Hold();
            if (_held.Count == 0 && query is null)
            {
                return;
            }

            using var batch = new NpgsqlBatch((NpgsqlConnection)Connection, (NpgsqlTransaction)Transaction);
            foreach (var (sql, columns) in _held)
            {
                var command = new NpgsqlBatchCommand(sql);
                foreach (var column in columns)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = column });
                }

                batch.BatchCommands.Add(command);
            }

            _held.Clear();
            if (query is not null)
            {
                batch.BatchCommands.Add(query);
            }

            // Prepared once per connection (Npgsql keeps prepared statements by their SQL): PostgreSQL then
            // neither parses nor plans them again for each file.
            batch.Prepare();
            if (query is null)
            {
                batch.ExecuteNonQuery();
                return;
            }

            using var reader = batch.ExecuteReader();
            while (reader.FieldCount == 0 && reader.NextResult())
            {
                // Npgsql passes over the inserts, which return no rows, to the query's results; in case it stops at one.
            }

            read?.Invoke(reader);
        }

        /// <summary>
        /// Rows held for a transaction that ended (rolled back after an error) are dropped, so a retry
        /// starts clean. Transactions are told apart by EF's id: Npgsql reuses its transaction objects.
        /// </summary>
        private void Hold()
        {
            var transaction = Context.Database.CurrentTransaction?.TransactionId
                ?? throw new InvalidOperationException("bulk writes need an open transaction");
            if (_heldFor != transaction)
            {
                _held.Clear();
                _heldFor = transaction;
            }
        }

        private string InsertSql(TableMap map)
        {
            if (!_inserts.TryGetValue(map.Table, out var sql))
            {
                var arrays = string.Join(", ", map.Columns.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)));
                sql = _inserts[map.Table] = $"INSERT INTO {map.Table} ({string.Join(", ", map.Columns)}) SELECT * FROM unnest({arrays})";
            }

            return sql;
        }

        private void Copy<T>(TableMap map, IReadOnlyCollection<T> rows)
            where T : class
        {
            var columns = string.Join(", ", map.Columns);
            using var copy = ((NpgsqlConnection)Connection).BeginBinaryImport($"COPY {map.Table} ({columns}) FROM STDIN (FORMAT BINARY)");
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
            var pool = _ids.TryGetValue(table, out var queue) ? queue : _ids[table] = new Queue<long>();
            if (pool.Count < count)
            {
                var take = Math.Max(IdBlock, count - pool.Count).ToString(CultureInfo.InvariantCulture);
                using var command = Command($"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, {take})");
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    pool.Enqueue(reader.GetInt64(0));
                }
            }

            return [.. Enumerable.Range(0, count).Select(_ => pool.Dequeue())];
        }
    }
}
