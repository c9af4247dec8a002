using Microsoft.Data.Sqlite;

namespace SalesCoachBot.Storage.Sqlite;

/// <summary>
/// The embedded store's file: opens pooled connections in WAL mode (readers never block the writer, and
/// several processes can share the file) and creates the tables on first use.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public SqliteDatabase(string path, int busyTimeoutSeconds = 30)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = System.IO.Path.GetFullPath(path);
        _busyTimeoutMs = busyTimeoutSeconds * 1000;
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

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA foreign_keys = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

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
            CREATE INDEX IF NOT EXISTS deals_by_owner_status ON deals (tenant_id, owner_id, status);
            CREATE TABLE IF NOT EXISTS users (
                tenant_id TEXT NOT NULL,
                user_id   TEXT NOT NULL,
                etag      TEXT NOT NULL,
                body      TEXT NOT NULL,
                PRIMARY KEY (tenant_id, user_id)
            );
            CREATE TABLE IF NOT EXISTS processed_activities (
                tenant_id    TEXT NOT NULL,
                activity_id  TEXT NOT NULL,
                processed_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, activity_id)
            );
            CREATE INDEX IF NOT EXISTS processed_activities_by_time ON processed_activities (processed_at);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    // Files created before a column existed get it added; each step is idempotent.
    private static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await AddColumnIfMissingAsync(connection, "deals", "reminder_due", cancellationToken).ConfigureAwait(false);
        await AddColumnIfMissingAsync(connection, "users", "next_digest_at", cancellationToken).ConfigureAwait(false);

        await using var index = connection.CreateCommand();

        // Partial index: only deals with a pending reminder are in it, so a sweep's cost follows the due work, not the deal count.
        index.CommandText = """
            CREATE INDEX IF NOT EXISTS deals_by_reminder_due ON deals (reminder_due) WHERE reminder_due IS NOT NULL;
            CREATE INDEX IF NOT EXISTS users_by_next_digest ON users (next_digest_at) WHERE next_digest_at IS NOT NULL;
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
