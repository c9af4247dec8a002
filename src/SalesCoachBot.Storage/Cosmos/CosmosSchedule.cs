using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace SalesCoachBot.Storage.Cosmos;

/// <summary>
/// The reminder and digest schedule: one small entry per deal or manager with something due, partitioned by its own
/// id (writes spread evenly) and found by one range read on the indexed <c>(kind, dueAt)</c>. A sweep fans out over
/// the physical partitions of this small container only, never over the deals, and costs in proportion to what is due.
/// </summary>
/// <remarks>
/// Entries may be early, never late, and never missing while something is due. There is no transaction across the
/// entry and its document, so: a writer only ever moves an entry <em>earlier</em> (or creates it), before it saves
/// the document; only the sweep moves an entry later or removes it, after reading the document, and only once no
/// write can still be in flight (the entry untouched for <see cref="SettleTime"/>). An early entry costs one point read.
/// </remarks>
internal sealed class CosmosSchedule(CosmosAccount account, CosmosRequestCharges charges, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// Longer than any write can take, throttling retries included (those are capped at two minutes by validation):
    /// an entry untouched this long has no writer between its entry and its document.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(5);

    private const int MaxAttempts = 5;

    private string Name => account.Schedule.Id;

    /// <summary>Makes sure an entry says the document is due at <paramref name="dueAt"/> or earlier. Call it before saving the document.</summary>
    /// <remarks>
    /// Conditional patches, applied by the server atomically, so concurrent writers never retry on each other:
    /// lower the time where it is later, else only mark the entry touched (the sweep must see a write is under way).
    /// </remarks>
    public async Task LowerAsync(ScheduleKind kind, string targetPk, string targetId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var id = CosmosKeys.ScheduleId(kind, targetId);
        var partition = new PartitionKey(id);
        var due = dueAt.ToUnixTimeMilliseconds();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var touched = time.GetUtcNow().ToUnixTimeMilliseconds();
            try
            {
                try
                {
                    var lowered = await account.Schedule.PatchItemAsync<ScheduleEntry>(
                        id,
                        partition,
                        [PatchOperation.Set("/dueAt", due), PatchOperation.Set("/touchedAt", touched)],
                        new PatchItemRequestOptions { FilterPredicate = $"FROM c WHERE c.dueAt > {due}" },
                        cancellationToken).ConfigureAwait(false);
                    charges.Record(Name, "lower", lowered.RequestCharge);
                }
                catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
                {
                    // Already as early or earlier: keep its time, mark it touched.
                    charges.Record(Name, "lower", e.RequestCharge);
                    var touchedOnly = await account.Schedule.PatchItemAsync<ScheduleEntry>(
                        id, partition, [PatchOperation.Set("/touchedAt", touched)], cancellationToken: cancellationToken).ConfigureAwait(false);
                    charges.Record(Name, "touch", touchedOnly.RequestCharge);
                }

                return;
            }
            catch (CosmosException e) when (CosmosItems.IsMissingItem(e))
            {
                charges.Record(Name, "lower", e.RequestCharge);
            }

            try
            {
                var entry = new ScheduleEntry { Id = id, Kind = kind, DueAt = due, TouchedAt = touched, TargetPk = targetPk, TargetId = targetId };
                var created = await account.Schedule.CreateItemAsync(entry, partition, cancellationToken: cancellationToken).ConfigureAwait(false);
                charges.Record(Name, "create", created.RequestCharge);
                return;
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                // Another writer created it meanwhile: lower that one.
                charges.Record(Name, "create", e.RequestCharge);
            }
        }

        throw new InvalidOperationException($"The schedule entry {id} kept appearing and disappearing; gave up after {MaxAttempts} attempts.");
    }

    /// <summary>Entries of one kind due at or before <paramref name="now"/>, earliest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<ScheduleEntry>> ListDueAsync(ScheduleKind kind, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        // Equality on kind, order by dueAt: the composite index (kind, dueAt) serves both, so ORDER BY names both.
        var query = new QueryDefinition("SELECT TOP @limit * FROM c WHERE c.kind = @kind AND c.dueAt <= @now ORDER BY c.kind ASC, c.dueAt ASC")
            .WithParameter("@limit", limit)
            .WithParameter("@kind", CosmosKeys.ScheduleKindName(kind))
            .WithParameter("@now", now.ToUnixTimeMilliseconds());
        // TOP bounds the whole answer, however many pages it comes in.
        var entries = await CosmosItems.QueryAsync<ScheduleEntry>(
            account.Schedule, query, new QueryRequestOptions { MaxItemCount = limit }, "query-due", charges, cancellationToken).ConfigureAwait(false);
        return entries.Take(limit).ToList();
    }

    /// <summary>
    /// Checks due entries against their documents, a few at a time: returns the documents that are really due and puts
    /// the other entries right. One entry that fails is logged and left for the next sweep; it does not stop the rest.
    /// </summary>
    public async Task<IReadOnlyList<T>> CheckAsync<T>(
        IReadOnlyList<ScheduleEntry> entries,
        DateTimeOffset now,
        Func<ScheduleEntry, CancellationToken, Task<(T? Document, DateTimeOffset? DueAt)>> read,
        CancellationToken cancellationToken)
        where T : class
    {
        var due = new List<(T Document, DateTimeOffset DueAt)>();
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (entry, ct) =>
        {
            try
            {
                var (document, dueAt) = await read(entry, ct).ConfigureAwait(false);
                if (document is not null && dueAt is { } at && at <= now)
                {
                    lock (due)
                    {
                        due.Add((document, at));
                    }
                }
                else
                {
                    await RepairAsync(entry, document is null ? null : dueAt, now, ct).ConfigureAwait(false);
                }
            }
            catch (CosmosException e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not check schedule entry {EntryId} ({Status}); the next sweep tries again", entry.Id, e.StatusCode);
            }
        }).ConfigureAwait(false);

        return due.OrderBy(d => d.DueAt).Select(d => d.Document).ToList();
    }

    /// <summary>
    /// Puts a stale entry right: earlier at once; later, or removed when nothing is due, only once it has settled.
    /// Conditional on the entry being unchanged since it was read, so a writer's newer entry is never undone.
    /// </summary>
    private async Task RepairAsync(ScheduleEntry entry, DateTimeOffset? actualDueAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var earlier = actualDueAt is { } d && d.ToUnixTimeMilliseconds() < entry.DueAt;
        if (!earlier && now - DateTimeOffset.FromUnixTimeMilliseconds(entry.TouchedAt) < SettleTime)
        {
            // A write may be between this entry and its document: look again on a later sweep.
            return;
        }

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
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed || CosmosItems.IsMissingItem(e))
        {
            // Someone changed or removed the entry meanwhile: theirs is newer.
            charges.Record(Name, "repair", e.RequestCharge);
        }
    }
}
