using Microsoft.Data.Sqlite;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Storage.Sqlite;

public sealed class SqliteUserProfileStore(SqliteDatabase database) : IUserProfileStore
{
    public async Task<UserProfile?> GetAsync(OwnerKey user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body, etag FROM users WHERE tenant_id = $tenant AND user_id = $user";
        command.Parameters.AddWithValue("$tenant", user.TenantId);
        command.Parameters.AddWithValue("$user", user.UserId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<UserProfile>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body, etag FROM users WHERE tenant_id = $tenant";
        command.Parameters.AddWithValue("$tenant", tenantId);
        return await ReadProfilesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<UserProfile>> ListDigestsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListDueAsync("next_digest_at", now, limit, cancellationToken);

    public Task<IReadOnlyList<UserProfile>> ListSummariesDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListDueAsync("next_summary_at", now, limit, cancellationToken);

    /// <summary>Profiles whose indexed due instant <paramref name="dueColumn"/> (one of this store's own column names) has come.</summary>
    private async Task<IReadOnlyList<UserProfile>> ListDueAsync(string dueColumn, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The column name is one of the two constants above, never input.
        command.CommandText = $"SELECT body, etag FROM users WHERE {dueColumn} IS NOT NULL AND {dueColumn} <= $now ORDER BY {dueColumn} LIMIT $limit";
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$now", SqliteDealStore.Instant(now));
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadProfilesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SaveAsync(UserProfile profile, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = expectedETag is null
            ? "INSERT INTO users (tenant_id, user_id, etag, body, next_digest_at, next_summary_at) VALUES ($tenant, $user, $etag, $body, $digest, $summary) ON CONFLICT DO NOTHING"
            : "UPDATE users SET etag = $etag, body = $body, next_digest_at = $digest, next_summary_at = $summary WHERE tenant_id = $tenant AND user_id = $user AND etag = $expected";
        command.Parameters.AddWithValue("$tenant", profile.TenantId);
        command.Parameters.AddWithValue("$user", profile.UserId);
        command.Parameters.AddWithValue("$etag", StoredJson.NewETag());
        command.Parameters.AddWithValue("$body", StoredJson.Serialize(profile));
        command.Parameters.AddWithValue("$expected", (object?)expectedETag ?? DBNull.Value);
        command.Parameters.AddWithValue("$digest", profile.NextDigestAt is { } digest ? SqliteDealStore.Instant(digest) : DBNull.Value);
        command.Parameters.AddWithValue("$summary", profile.NextSummaryAt is { } summary ? SqliteDealStore.Instant(summary) : DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<IReadOnlyList<UserProfile>> ReadProfilesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var users = new List<UserProfile>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    private static UserProfile Read(SqliteDataReader reader) =>
        StoredJson.Deserialize<UserProfile>(reader.GetString(0)) with { ETag = reader.GetString(1) };
}

/// <summary>/healthz for the SQLite file: healthy only while it takes a write (a read-only, locked or full file is not).</summary>
public sealed class SqliteStoreHealth(SqliteDatabase database, TimeProvider time) : IStoreHealth
{
    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => database.CanWriteAsync(time.GetUtcNow(), cancellationToken);
}
