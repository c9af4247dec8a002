using System.Buffers;
using System.Text.Json;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;

namespace SalesCoachBot.Storage.Sqlite;

public sealed partial class SqliteDealStore : IInsightDealReader
{
    public async Task<IReadOnlyList<Deal>> ListForInsightsAsync(OwnerKey owner, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var deals = new List<Deal>();
        await ReadForInsightsAsync(owner, since, withLost: true, deals.Add, cancellationToken).ConfigureAwait(false);
        return deals.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    public Task TallyForInsightsAsync(OwnerKey owner, DateTimeOffset since, IDealTally tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return ReadForInsightsAsync(owner, since, tally.CountsLostDeals, tally.Add, cancellationToken);
    }

    // Each deal handed to `read` as soon as its row is parsed, in the order of the index ranges; lost deals left out unless `withLost`.
    private async Task ReadForInsightsAsync(OwnerKey owner, DateTimeOffset since, bool withLost, Action<Deal> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // Two index range reads, so that only the rows wanted are visited at all: the open deals by status, the closed
        // ones by when they last changed (updated_at is fixed-width UTC text, so comparing the text compares the instants).
        // A deleted deal's updated_at is its deletion, so the second part names the closed statuses rather than "not open".
        command.CommandText = """
            SELECT body FROM deals WHERE tenant_id = $tenant AND owner_id = $owner AND status = 'open'
            UNION ALL
            SELECT body FROM deals WHERE tenant_id = $tenant AND owner_id = $owner AND updated_at >= $since AND status IN ('won', $lost)
            """;
        AddOwner(command, owner);
        command.Parameters.AddWithValue("$since", Instant(since));
        command.Parameters.AddWithValue("$lost", withLost ? "lost" : "won");

        // The body's UTF-8 bytes as SQLite holds them, copied into one reused buffer (not an array per row: a team's read
        // would leave 180 MB of them to the collector) and parsed from there without a detour through a .NET string;
        // the undo trail is skipped by the reader, never built.
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var length = checked((int)reader.GetBytes(0, 0, null, 0, 0));
                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }

                reader.GetBytes(0, 0, buffer, 0, length);
                read(JsonSerializer.Deserialize<Deal>(buffer.AsSpan(0, length), StoredJson.ForInsights) ?? throw new JsonException("Stored Deal was null."));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
