using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;

namespace SalesCoachBot.Storage.Sqlite;

public sealed partial class SqliteDealStore : IRecentDealReader
{
    public async Task<IReadOnlyList<Deal>> ListOpenOrChangedSinceAsync(OwnerKey owner, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // updated_at is fixed-width UTC text (Instant), so the comparison is the instants'; only matching rows' JSON is read.
        // A deleted deal's status is 'deleted' but its updated_at is the deletion, so it must be left out by name.
        command.CommandText = "SELECT body, etag FROM deals WHERE tenant_id = $tenant AND owner_id = $owner AND status <> 'deleted' AND (status = 'open' OR updated_at >= $since)";
        AddOwner(command, owner);
        command.Parameters.AddWithValue("$since", Instant(since));
        var deals = await ReadDealsAsync(command, cancellationToken).ConfigureAwait(false);
        return deals.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }
}
