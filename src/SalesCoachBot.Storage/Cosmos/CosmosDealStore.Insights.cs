using Microsoft.Azure.Cosmos;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;

namespace SalesCoachBot.Storage.Cosmos;

public sealed partial class CosmosDealStore : IInsightDealReader
{
    /// <summary>
    /// The deal's fields figures use, named one by one (Cosmos DB has no "all but"): the query returns each document
    /// without its undo trail, most of its size, so a team's figures cost a fraction of the request units and bytes.
    /// </summary>
    private static readonly string _insightProjection = string.Join(", ", StoredJson.InsightDealFields.Select(Field));

    public async Task<IReadOnlyList<Deal>> ListForInsightsAsync(OwnerKey owner, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        // One rep's partition, as every deal query. Only status is indexed in the deals container (writes stay cheap),
        // so the query filters on it and the "changed since" part of the filter is applied here, on the slim documents.
        var pk = CosmosKeys.DealPartition(owner);
        var query = new QueryDefinition($"SELECT {_insightProjection} FROM c WHERE c.pk = @pk AND c.status != 'deleted'")
            .WithParameter("@pk", pk);
        var deals = await CosmosItems.QueryAsync<Deal>(
            Deals, query, new QueryRequestOptions { PartitionKey = new PartitionKey(pk) }, "insights", _charges, cancellationToken).ConfigureAwait(false);
        return TeamReader.ChangedSince(deals, since).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    // The names come from the Deal type's own JSON contract, never from input; each must still be a plain identifier.
    private static string Field(string name) =>
        name.All(char.IsAsciiLetterOrDigit) && char.IsAsciiLetter(name[0])
            ? $"c.deal.{name}"
            : throw new InvalidOperationException($"The deal field '{name}' cannot be named in a Cosmos DB projection.");
}
