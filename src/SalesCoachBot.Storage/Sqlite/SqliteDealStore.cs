using System.Globalization;
using Microsoft.Data.Sqlite;
using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Storage.Sqlite;

public sealed partial class SqliteDealStore(SqliteDatabase database) : IDealStore, IReminderSchedule
{
    public async Task<Deal?> GetAsync(OwnerKey owner, string dealId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body, etag FROM deals WHERE tenant_id = $tenant AND owner_id = $owner AND id = $id AND status <> 'deleted'";
        AddOwner(command, owner);
        command.Parameters.AddWithValue("$id", dealId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<Deal>> ListAsync(OwnerKey owner, bool includeClosed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body, etag FROM deals WHERE tenant_id = $tenant AND owner_id = $owner"
            + (includeClosed ? " AND status <> 'deleted'" : " AND status = 'open'");
        AddOwner(command, owner);
        var deals = await ReadDealsAsync(command, cancellationToken).ConfigureAwait(false);
        return deals.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<Deal>> ListIncludingDeletedAsync(OwnerKey owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body, etag FROM deals WHERE tenant_id = $tenant AND owner_id = $owner";
        AddOwner(command, owner);
        var deals = await ReadDealsAsync(command, cancellationToken).ConfigureAwait(false);
        return deals.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<SaveResult> SaveAsync(Deal deal, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var etag = StoredJson.NewETag();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = expectedETag is null
            ? """
              INSERT INTO deals (tenant_id, owner_id, id, status, updated_at, etag, body, reminder_due)
              VALUES ($tenant, $owner, $id, $status, $updated, $etag, $body, $due)
              ON CONFLICT DO NOTHING
              """
            : """
              UPDATE deals SET status = $status, updated_at = $updated, etag = $etag, body = $body, reminder_due = $due
              WHERE tenant_id = $tenant AND owner_id = $owner AND id = $id AND etag = $expected
              """;
        AddOwner(command, deal.Owner);
        command.Parameters.AddWithValue("$id", deal.Id);
        command.Parameters.AddWithValue("$status", StoredStatus(deal));
        command.Parameters.AddWithValue("$updated", Instant(deal.UpdatedAt));
        command.Parameters.AddWithValue("$etag", etag);
        command.Parameters.AddWithValue("$body", StoredJson.Serialize(deal));
        command.Parameters.AddWithValue("$expected", (object?)expectedETag ?? DBNull.Value);
        command.Parameters.AddWithValue("$due", deal.IsReminded && deal.Reminder.IndexedDueAt is { } due ? Instant(due) : DBNull.Value);
        var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return rows == 1 ? new SaveResult(SaveStatus.Saved, deal with { ETag = etag }) : SaveResult.Conflict;
    }

    public async Task<IReadOnlyList<Deal>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body, etag FROM deals WHERE reminder_due IS NOT NULL AND reminder_due <= $now ORDER BY reminder_due LIMIT $limit";
        command.Parameters.AddWithValue("$now", Instant(now));
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadDealsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>open / won / lost, or deleted: the column the pipeline, name matching and insights filter on.</summary>
    internal static string StoredStatus(Deal deal) => deal.IsDeleted ? "deleted" : deal.Status.ToString().ToLowerInvariant();

    // Fixed-width UTC text sorts as time does, so the index orders and compares instants correctly.
    internal static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void AddOwner(SqliteCommand command, OwnerKey owner)
    {
        command.Parameters.AddWithValue("$tenant", owner.TenantId);
        command.Parameters.AddWithValue("$owner", owner.UserId);
    }

    private static async Task<IReadOnlyList<Deal>> ReadDealsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var deals = new List<Deal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            deals.Add(Read(reader));
        }

        return deals;
    }

    private static Deal Read(SqliteDataReader reader) =>
        StoredJson.Deserialize<Deal>(reader.GetString(0)) with { ETag = reader.GetString(1) };
}
