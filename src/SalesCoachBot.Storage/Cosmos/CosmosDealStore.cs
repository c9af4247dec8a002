using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Storage.Cosmos;

/// <summary>
/// Deals in Cosmos DB, one logical partition per rep ("tenant|owner"): a turn uses point reads and single-partition
/// queries only. The reminder schedule lives in its own container (<see cref="CosmosSchedule"/>).
/// </summary>
public sealed partial class CosmosDealStore : IDealStore, IReminderSchedule
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
        return await ReadAsync(CosmosKeys.DealPartition(owner), CosmosKeys.DealId(owner, dealId), cancellationToken).ConfigureAwait(false) is { IsDeleted: false } deal
            ? deal
            : null;
    }

    public Task<IReadOnlyList<Deal>> ListAsync(OwnerKey owner, bool includeClosed, CancellationToken cancellationToken) =>
        QueryAsync(owner, includeClosed ? " AND c.status != 'deleted'" : " AND c.status = 'open'", cancellationToken);

    public Task<IReadOnlyList<Deal>> ListIncludingDeletedAsync(OwnerKey owner, CancellationToken cancellationToken) =>
        QueryAsync(owner, string.Empty, cancellationToken);

    private async Task<IReadOnlyList<Deal>> QueryAsync(OwnerKey owner, string statusFilter, CancellationToken cancellationToken)
    {
        await _account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        // The partition key is also in the filter: a real account scopes by the request's partition key alone, the test server needs both.
        var pk = CosmosKeys.DealPartition(owner);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk" + statusFilter)
            .WithParameter("@pk", pk);
        var documents = await CosmosItems.QueryAsync<DealDocument>(
            Deals, query, new QueryRequestOptions { PartitionKey = new PartitionKey(pk) }, "list", _charges, cancellationToken).ConfigureAwait(false);
        var deals = documents.Select(d => d.Deal with { ETag = d.ETag });
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
            Status = deal.IsDeleted ? "deleted" : deal.Status.ToString().ToLowerInvariant(),
            Deal = deal with { ETag = null },
        };
        var etag = await CosmosItems.WriteAsync(Deals, document, id, pk, expectedETag, _charges, cancellationToken).ConfigureAwait(false);
        if (etag is null)
        {
            _logger.LogDebug("Deal {DealId} of {Owner} changed since it was read", deal.Id, deal.Owner);
            return SaveResult.Conflict;
        }

        return new SaveResult(SaveStatus.Saved, deal with { ETag = etag });
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
                var deal = await ReadAsync(entry.TargetPk, entry.TargetId, ct).ConfigureAwait(false);
                return (deal, deal is null ? null : DueAt(deal));
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset? DueAt(Deal deal) => deal.IsReminded ? deal.Reminder.IndexedDueAt : null;

    private async Task<Deal?> ReadAsync(string pk, string id, CancellationToken cancellationToken) =>
        await CosmosItems.ReadAsync<DealDocument>(Deals, id, pk, _charges, cancellationToken).ConfigureAwait(false) is var (document, etag)
            ? document.Deal with { ETag = etag }
            : null;
}
