using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Storage.Cosmos;

/// <summary>
/// Deals in Cosmos DB, one logical partition per rep ("tenant|owner"): a turn uses point reads and single-partition
/// queries only. The reminder schedule lives in its own container (<see cref="CosmosSchedule"/>).
/// </summary>
public sealed class CosmosDealStore : IDealStore, IReminderSchedule
{
    private readonly CosmosAccount _account;
    private readonly CosmosRequestCharges _charges;
    private readonly CosmosSchedule _schedule;
    private readonly ILogger<CosmosDealStore> _logger;

    public CosmosDealStore(CosmosAccount account, CosmosRequestCharges charges, TimeProvider time, ILogger<CosmosDealStore> logger)
    {
        _account = account;
        _charges = charges;
        _schedule = new CosmosSchedule(account, charges, time, logger);
        _logger = logger;
    }

    private Container Deals => _account.Deals;

    public async Task<Deal?> GetAsync(OwnerKey owner, string dealId, CancellationToken cancellationToken)
    {
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadAsync(CosmosKeys.DealPartition(owner), CosmosKeys.DealId(owner, dealId), cancellationToken).ConfigureAwait(false))?.Deal;
    }

    public async Task<IReadOnlyList<Deal>> ListAsync(OwnerKey owner, bool includeClosed, CancellationToken cancellationToken)
    {
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        // The partition key is also in the filter: a real account scopes by the request's partition key alone, the test server needs both.
        var pk = CosmosKeys.DealPartition(owner);
        var query = new QueryDefinition(includeClosed ? "SELECT * FROM c WHERE c.pk = @pk" : "SELECT * FROM c WHERE c.pk = @pk AND c.status = 'open'")
            .WithParameter("@pk", pk);
        var deals = new List<Deal>();
        using var iterator = Deals.GetItemQueryIterator<DealDocument>(
            query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(pk) });
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            _charges.Record(Deals.Id, "list", page.RequestCharge);
            deals.AddRange(page.Select(d => d.Deal with { ETag = d.ETag }));
        }

        return deals.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<SaveResult> SaveAsync(Deal deal, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var pk = CosmosKeys.DealPartition(deal.Owner);
        var id = CosmosKeys.DealId(deal.Owner, deal.Id);

        // The schedule entry first, and only ever earlier: if this write fails or loses a race, the entry is early and
        // the sweep corrects it; the other order could leave a due reminder with no entry at all.
        if (DueAt(deal) is { } due)
        {
            await _schedule.LowerAsync(ScheduleKind.Deal, pk, id, due, cancellationToken).ConfigureAwait(false);
        }

        var document = new DealDocument
        {
            Id = id,
            Pk = pk,
            TenantId = deal.TenantId,
            OwnerId = deal.OwnerId,
            Status = deal.Status.ToString().ToLowerInvariant(),
            Deal = deal with { ETag = null },
        };
        try
        {
            var response = expectedETag is null
                ? await Deals.CreateItemAsync(document, new PartitionKey(pk), cancellationToken: cancellationToken).ConfigureAwait(false)
                : await Deals.ReplaceItemAsync(document, id, new PartitionKey(pk), new ItemRequestOptions { IfMatchEtag = expectedETag }, cancellationToken).ConfigureAwait(false);
            _charges.Record(Deals.Id, expectedETag is null ? "create" : "replace", response.RequestCharge);
            return new SaveResult(SaveStatus.Saved, deal with { ETag = response.ETag });
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed || CosmosErrors.IsMissingItem(e))
        {
            _charges.Record(Deals.Id, "conflict", e.RequestCharge);
            _logger.LogDebug("Deal {DealId} of {Owner} changed since it was read ({Status})", deal.Id, deal.Owner, e.StatusCode);
            return SaveResult.Conflict;
        }
    }

    public async Task<IReadOnlyList<Deal>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entries = await _schedule.ListDueAsync(ScheduleKind.Deal, now, limit, cancellationToken).ConfigureAwait(false);
        return await _schedule.CheckAsync(
            entries,
            now,
            async (entry, ct) =>
            {
                // Early or orphaned entries (progress, snooze, close since they were written) are put right by the check.
                var document = await ReadAsync(entry.TargetPk, entry.TargetId, ct).ConfigureAwait(false);
                return (document?.Deal, document is null ? null : DueAt(document.Deal));
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset? DueAt(Deal deal) => deal.IsOpen ? deal.Reminder.IndexedDueAt : null;

    private async Task<DealDocument?> ReadAsync(string pk, string id, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Deals.ReadItemAsync<DealDocument>(id, new PartitionKey(pk), cancellationToken: cancellationToken).ConfigureAwait(false);
            _charges.Record(Deals.Id, "read", response.RequestCharge);
            return response.Resource with { Deal = response.Resource.Deal with { ETag = response.ETag }, ETag = response.ETag };
        }
        catch (CosmosException e) when (CosmosErrors.IsMissingItem(e))
        {
            _charges.Record(Deals.Id, "read", e.RequestCharge);
            return null;
        }
    }
}
