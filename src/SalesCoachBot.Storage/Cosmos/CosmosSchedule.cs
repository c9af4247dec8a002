using System.Net;
using Microsoft.Azure.Cosmos;

namespace SalesCoachBot.Storage.Cosmos;

/// <summary>
/// The reminder and digest schedule: one small entry per deal or manager with something due, partitioned by its own
/// id (writes spread evenly) and found by one range read on the indexed <c>dueAt</c>. A sweep fans out over the
/// physical partitions of this small container only, never over the deals, and costs in proportion to what is due.
/// </summary>
internal sealed class CosmosSchedule(CosmosAccount account, CosmosRequestCharges charges)
{
    private string Name => account.Schedule.Id;

    /// <summary>Sets the entry for a document that is due at <paramref name="dueAt"/> (before the document is saved: early, never late).</summary>
    public async Task SetAsync(ScheduleKind kind, string targetPk, string targetId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var entry = new ScheduleEntry
        {
            Id = CosmosKeys.ScheduleId(kind, targetId),
            Kind = kind,
            DueAt = dueAt.ToUnixTimeMilliseconds(),
            TargetPk = targetPk,
            TargetId = targetId,
        };
        var response = await account.Schedule.UpsertItemAsync(entry, new PartitionKey(entry.Id), cancellationToken: cancellationToken).ConfigureAwait(false);
        charges.Record(Name, "upsert", response.RequestCharge);
    }

    /// <summary>Entries of one kind due at or before <paramref name="now"/>, earliest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<ScheduleEntry>> ListDueAsync(ScheduleKind kind, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT TOP @limit * FROM c WHERE c.kind = @kind AND c.dueAt <= @now ORDER BY c.dueAt")
            .WithParameter("@limit", limit)
            .WithParameter("@kind", kind == ScheduleKind.Deal ? "deal" : "digest")
            .WithParameter("@now", now.ToUnixTimeMilliseconds());
        var entries = new List<ScheduleEntry>();
        using var iterator = account.Schedule.GetItemQueryIterator<ScheduleEntry>(query, requestOptions: new QueryRequestOptions { MaxItemCount = limit });
        while (iterator.HasMoreResults && entries.Count < limit)
        {
            var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            charges.Record(Name, "query-due", page.RequestCharge);
            entries.AddRange(page);
        }

        return entries.Take(limit).ToList();
    }

    /// <summary>
    /// Puts a stale entry right: moves it to the document's real due time, or removes it when nothing is due.
    /// Conditional on the entry not having changed, so it never undoes a writer's newer entry.
    /// </summary>
    public async Task RepairAsync(ScheduleEntry entry, DateTimeOffset? actualDueAt, CancellationToken cancellationToken)
    {
        var options = new ItemRequestOptions { IfMatchEtag = entry.ETag };
        try
        {
            if (actualDueAt is { } due)
            {
                var response = await account.Schedule.ReplaceItemAsync(
                    entry with { DueAt = due.ToUnixTimeMilliseconds(), ETag = null }, entry.Id, new PartitionKey(entry.Id), options, cancellationToken).ConfigureAwait(false);
                charges.Record(Name, "repair", response.RequestCharge);
            }
            else
            {
                var response = await account.Schedule.DeleteItemAsync<ScheduleEntry>(entry.Id, new PartitionKey(entry.Id), options, cancellationToken).ConfigureAwait(false);
                charges.Record(Name, "remove", response.RequestCharge);
            }
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            // Someone changed or removed the entry meanwhile: theirs is newer.
            charges.Record(Name, "repair", e.RequestCharge);
        }
    }
}
