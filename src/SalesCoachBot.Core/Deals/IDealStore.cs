namespace SalesCoachBot.Core.Deals;

public enum SaveStatus
{
    Saved,

    /// <summary>Someone else changed (or created) the deal since it was read: read again and reapply.</summary>
    Conflict,
}

public sealed record SaveResult(SaveStatus Status, Deal? Saved)
{
    public static SaveResult Conflict { get; } = new(SaveStatus.Conflict, null);
}

/// <summary>Deals, always scoped to their owner: no method reads across owners.</summary>
public interface IDealStore
{
    /// <summary>The owner's deal with that id; null when there is none or it is deleted.</summary>
    Task<Deal?> GetAsync(OwnerKey owner, string dealId, CancellationToken cancellationToken);

    /// <summary>The owner's deals, open only or closed too; never deleted ones.</summary>
    Task<IReadOnlyList<Deal>> ListAsync(OwnerKey owner, bool includeClosed, CancellationToken cancellationToken);

    /// <summary>Every deal of the owner, closed and deleted ones too: what <c>undo</c> chooses from.</summary>
    Task<IReadOnlyList<Deal>> ListIncludingDeletedAsync(OwnerKey owner, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a deal. With <paramref name="expectedETag"/> null the deal must not exist yet (insert);
    /// otherwise the stored version must still be that ETag. A mismatch is a <see cref="SaveStatus.Conflict"/>, not an exception.
    /// </summary>
    Task<SaveResult> SaveAsync(Deal deal, string? expectedETag, CancellationToken cancellationToken);
}

public static class DealStoreExtensions
{
    /// <summary>
    /// <see cref="IDealStore.SaveAsync"/> in the shape <see cref="OptimisticUpdate"/> takes: the saved deal (with its
    /// new ETag), or null when another writer got there first.
    /// </summary>
    public static async Task<Deal?> TrySaveAsync(this IDealStore store, Deal deal, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var result = await store.SaveAsync(deal, expectedETag, cancellationToken).ConfigureAwait(false);
        return result.Status == SaveStatus.Saved ? result.Saved ?? deal : null;
    }
}

/// <summary>The reminder schedule: deals whose next reminder is due, read by an index on the due instant.</summary>
public interface IReminderSchedule
{
    /// <summary>Open deals of every owner whose indexed due instant is at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<Deal>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
