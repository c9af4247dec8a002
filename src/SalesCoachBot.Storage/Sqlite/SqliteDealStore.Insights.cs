using System.Text.Json;
using Microsoft.Data.Sqlite;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;

namespace SalesCoachBot.Storage.Sqlite;

public sealed partial class SqliteDealStore : IInsightDealReader
{
    public async Task<IReadOnlyList<Deal>> ListForInsightsAsync(OwnerKey owner, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // Two index range reads, so that only the rows wanted are visited at all: the open deals by status, the closed
        // ones by when they last changed (updated_at is fixed-width UTC text, so comparing the text compares the instants).
        // A deleted deal's updated_at is its deletion, so the second part names the closed statuses rather than "not open".
        command.CommandText = """
            SELECT body FROM deals WHERE tenant_id = $tenant AND owner_id = $owner AND status = 'open'
            UNION ALL
            SELECT body FROM deals WHERE tenant_id = $tenant AND owner_id = $owner AND updated_at >= $since AND status IN ('won', 'lost')
            """;
        AddOwner(command, owner);
        command.Parameters.AddWithValue("$since", Instant(since));
        var deals = new List<Deal>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                deals.Add(ReadForInsights(reader));
            }
        }

        return deals.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    // The body's UTF-8 bytes as SQLite holds them, parsed without a detour through a .NET string; the undo trail is skipped.
    private static Deal ReadForInsights(SqliteDataReader reader) =>
        JsonSerializer.Deserialize<Deal>(reader.GetFieldValue<byte[]>(0), StoredJson.ForInsights)
        ?? throw new JsonException("Stored Deal was null.");
}
