using System.Net;
using Microsoft.Azure.Cosmos;

namespace SalesCoachBot.Storage.Cosmos;

/// <summary>
/// The item operations every Cosmos store does the same way: a point read where missing is null, an insert or an
/// ETag-checked replace where losing to another writer is an answer rather than an exception, and a paged query;
/// each records its request charge.
/// </summary>
internal static class CosmosItems
{
    /// <summary>
    /// The item does not exist (404, sub-status 0). A 404 with a sub-status, e.g. 1003 for a missing container or
    /// database, is a deployment fault and must surface, not read as "no such deal".
    /// </summary>
    public static bool IsMissingItem(CosmosException e) => e.StatusCode == HttpStatusCode.NotFound && e.SubStatusCode == 0;

    /// <summary>The item and its ETag, or null when there is no such item.</summary>
    public static async Task<(T Item, string ETag)?> ReadAsync<T>(
        Container container, string id, string partitionKey, CosmosRequestCharges charges, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.ReadItemAsync<T>(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            charges.Record(container.Id, "read", response.RequestCharge);
            return (response.Resource, response.ETag);
        }
        catch (CosmosException e) when (IsMissingItem(e))
        {
            charges.Record(container.Id, "read", e.RequestCharge);
            return null;
        }
    }

    /// <summary>
    /// Inserts when <paramref name="expectedETag"/> is null, else replaces the version with that ETag. Returns the new
    /// ETag, or null when another writer got there first (the item exists, changed, or was removed).
    /// </summary>
    public static async Task<string?> WriteAsync<T>(
        Container container, T document, string id, string partitionKey, string? expectedETag, CosmosRequestCharges charges, CancellationToken cancellationToken)
    {
        try
        {
            var response = expectedETag is null
                ? await container.CreateItemAsync(document, new PartitionKey(partitionKey), cancellationToken: cancellationToken).ConfigureAwait(false)
                : await container.ReplaceItemAsync(document, id, new PartitionKey(partitionKey), new ItemRequestOptions { IfMatchEtag = expectedETag }, cancellationToken).ConfigureAwait(false);
            charges.Record(container.Id, expectedETag is null ? "create" : "replace", response.RequestCharge);
            return response.ETag;
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed || IsMissingItem(e))
        {
            charges.Record(container.Id, "conflict", e.RequestCharge);
            return null;
        }
    }

    /// <summary>Every page of a query, each page's charge recorded under <paramref name="operation"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(
        Container container, QueryDefinition query, QueryRequestOptions options, string operation, CosmosRequestCharges charges, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        using var iterator = container.GetItemQueryIterator<T>(query, requestOptions: options);
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            charges.Record(container.Id, operation, page.RequestCharge);
            items.AddRange(page);
        }

        return items;
    }
}
