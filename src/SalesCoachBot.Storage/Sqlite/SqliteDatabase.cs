using Microsoft.Data.Sqlite;

namespace SalesCoachBot.Storage.Sqlite;

/// <summary>
/// The embedded store's file: opens pooled connections in WAL mode (readers never block the writer, and
/// several processes can share the file) and creates the tables on first use. A connection SQLite had to open
/// read-only (the file was read-only at the time) is never handed out again once the file is writable: the pool is
/// dropped and a fresh connection opened, so the store heals without a restart.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private readonly Func<SqliteConnection, CancellationToken, Task>? _prepareConnection;
    private volatile bool _schemaReady;

    /// <summary>How long the write probe of /healthz waits for another writer: a health check must answer quickly.</summary>
    private const int ProbeBusyTimeoutMs = 1000;

    /// <param name="path">The database file.</param>
    /// <param name="busyTimeoutSeconds">How long a write waits for another writer's lock.</param>
    /// <param name="prepareConnection">
    /// Runs on every connection handed out, after the store's own settings: for per-connection pragmas a deployment or
    /// a test needs (SQLite's <c>max_page_count</c>, which stands in for a full disk in the tests, is per connection).
    /// </param>
    public SqliteDatabase(string path, int busyTimeoutSeconds = 2, Func<SqliteConnection, CancellationToken, Task>? prepareConnection = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = System.IO.Path.GetFullPath(path);
        _busyTimeoutMs = busyTimeoutSeconds * 1000;
        _prepareConnection = prepareConnection;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = busyTimeoutSeconds,
        }.ToString();
    }

    public string FilePath { get; }

    public void Dispose() => _schemaLock.Dispose();

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        }

        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    // Not a Lazy<Task>: a failure (a folder that cannot be created yet) must be retried on the next call, not cached.
    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await CreateSchemaAsync(cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    /// <summary>
    /// Says whether the store can take writes right now: writes one row to a table of its own (a read-only or locked
    /// file fails here), then checks that the file has room to grow by a page (a full disk, or a page limit, fails
    /// there: a row rewritten in place would still fit, so the first write alone would say healthy while every new
    /// deal fails). The room check is rolled back and leaves nothing behind. A failed probe drops the pooled
    /// connections, so the next turn gets fresh ones once the fault (read-only file, full disk) clears.
    /// </summary>
    public async Task<bool> CanWriteAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var wait = connection.CreateCommand())
            {
                // A statement of its own: PRAGMA answers a row, and a reader stops at the first statement that answers rows.
                wait.CommandText = $"PRAGMA busy_timeout = {ProbeBusyTimeoutMs}";
                await wait.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var command = connection.CreateCommand())
            {
                command.CommandTimeout = 1;
                command.CommandText = "INSERT INTO store_probe (id, written_at) VALUES (1, $at) ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at";
                command.Parameters.AddWithValue("$at", now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return await HasRoomAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreFaults.IsUnavailable(ex))
        {
            DropPooledConnections();
            return false;
        }
    }

    /// <summary>
    /// Inserts a row one page long (it needs a page the file does not have free) and rolls it back. SQLite refuses the
    /// page (SQLITE_FULL) when the file cannot grow; rolled back, nothing reaches the disk.
    /// </summary>
    private static async Task<bool> HasRoomAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var grow = connection.CreateCommand();
        grow.Transaction = transaction;
        grow.CommandTimeout = 1;
        grow.CommandText = "INSERT INTO store_probe (id, written_at) VALUES (2, zeroblob((SELECT page_size FROM pragma_page_size())))";
        await grow.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Closes the idle pooled connections of this file; connections in use are closed when returned.</summary>
    public void DropPooledConnections()
    {
        using var keyOfThePool = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(keyOfThePool);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (OpenedReadOnly(connection))
        {
            // SQLite falls back to read-only when it cannot open the file for writing, and the pool would keep that
            // connection for good ("attempt to write a readonly database" after the file is writable again). Opened
            // afresh, it is read-write as soon as the file is; while the file stays read-only, reads still work.
            await connection.DisposeAsync().ConfigureAwait(false);
            DropPooledConnections();
            connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_prepareConnection is not null)
        {
            await _prepareConnection(connection, cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }

    private static bool OpenedReadOnly(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1;

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS deals (
                tenant_id  TEXT NOT NULL,
                owner_id   TEXT NOT NULL,
                id         TEXT NOT NULL,
                status     TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                etag       TEXT NOT NULL,
                body       TEXT NOT NULL,
                PRIMARY KEY (tenant_id, owner_id, id)
            );
            CREATE INDEX IF NOT EXISTS deals_by_owner_status_updated ON deals (tenant_id, owner_id, status, updated_at);
            CREATE TABLE IF NOT EXISTS users (
                tenant_id TEXT NOT NULL,
                user_id   TEXT NOT NULL,
                etag      TEXT NOT NULL,
                body      TEXT NOT NULL,
                PRIMARY KEY (tenant_id, user_id)
            );
            CREATE TABLE IF NOT EXISTS store_probe (
                id         INTEGER PRIMARY KEY,
                written_at TEXT NOT NULL
            );
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    // Files created before a column existed get it added; each step is idempotent.
    private static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await AddColumnIfMissingAsync(connection, "deals", "reminder_due", cancellationToken).ConfigureAwait(false);
        await AddColumnIfMissingAsync(connection, "users", "next_digest_at", cancellationToken).ConfigureAwait(false);
        await AddColumnIfMissingAsync(connection, "users", "next_summary_at", cancellationToken).ConfigureAwait(false);

        await using var index = connection.CreateCommand();

        // Partial index: only deals with a pending reminder are in it, so a sweep's cost follows the due work, not the deal count.
        // deals_by_owner_status_updated (created with the table) serves every read deals_by_owner_status served, and
        // insights' "closed since" range besides: files made before it lose the older index.
        index.CommandText = """
            DROP INDEX IF EXISTS deals_by_owner_status;
            CREATE INDEX IF NOT EXISTS deals_by_reminder_due ON deals (reminder_due) WHERE reminder_due IS NOT NULL;
            CREATE INDEX IF NOT EXISTS users_by_next_digest ON users (next_digest_at) WHERE next_digest_at IS NOT NULL;
            CREATE INDEX IF NOT EXISTS users_by_next_summary ON users (next_summary_at) WHERE next_summary_at IS NOT NULL;
            """;
        await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Table and column names come from MigrateAsync's literals, never from input.
    private static async Task AddColumnIfMissingAsync(SqliteConnection connection, string table, string column, CancellationToken cancellationToken)
    {
        await using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        if (Convert.ToInt64(await columns.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            await using var add = connection.CreateCommand();
            add.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} TEXT";
            await add.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
