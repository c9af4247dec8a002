using Microsoft.Extensions.Logging;

namespace SalesCoachBot.Core.Deals;

public enum UpdateStatus
{
    Applied,

    /// <summary>The same Teams activity changed this deal before (a retry): nothing was applied again.</summary>
    AlreadyApplied,
    Refused,
    NotFound,
}

/// <param name="Refusal">Why the rules refused the change (<see cref="UpdateStatus.Refused"/> only); the host words it.</param>
public sealed record UpdateOutcome(UpdateStatus Status, Deal? Deal, Refusal? Refusal = null);

/// <summary>
/// Every change to a stored deal goes through here: read, apply a pure change, save with the version read,
/// and on a conflict read again and reapply, a bounded number of times (<see cref="OptimisticUpdate"/>).
/// Each change also keeps the deal's reminder state in step (progress cancels pending reminders and restarts the clock).
/// </summary>
public sealed class DealUpdater(IDealStore store, Process.SalesProcess process, ILogger<DealUpdater> logger)
{
    /// <summary>
    /// A save only loses to another writer's successful save, and each writer succeeds once: with up to ten writers on
    /// one deal at once (a rep's clicks, a retry, two sweepers) every update lands, however slow the store.
    /// </summary>
    public const int MaxAttempts = 10;

    public Task<UpdateOutcome> UpdateAsync(
        OwnerKey owner, string dealId, string? activityId, Func<Deal, DealChange> change, CancellationToken cancellationToken) =>
        UpdateAsync(owner, dealId, alreadyRead: null, activityId, change, cancellationToken);

    /// <summary>
    /// Changes a deal the turn has just read (with its ETag): the first attempt saves against that version without reading
    /// it again, so a change costs one read (the caller's) and one write. Only a conflict (another writer, or a concurrent
    /// copy of the same activity) reads the deal again, and the activity ids the new version remembers stop a retry there.
    /// </summary>
    public Task<UpdateOutcome> UpdateAsync(Deal read, string? activityId, Func<Deal, DealChange> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return UpdateAsync(read.Owner, read.Id, read, activityId, change, cancellationToken);
    }

    private async Task<UpdateOutcome> UpdateAsync(
        OwnerKey owner, string dealId, Deal? alreadyRead, string? activityId, Func<Deal, DealChange> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);

        // Why the last attempt wrote nothing, when it was the rules that said no.
        Refusal? refusal = null;
        var update = await OptimisticUpdate.ApplyAsync<Deal>(
            ct => store.GetAsync(owner, dealId, ct),
            current =>
            {
                if (current is null || current.HasApplied(activityId))
                {
                    return null;
                }

                var result = change(current);
                refusal = result.Refusal;
                // The undo entry is part of the same write: the change cannot be saved without what undoes it.
                return result.Deal is { } changed
                    ? Reminders.ReminderLadder.AfterChange(current, UndoTrail.Record(current, changed, changed.UpdatedAt), process)
                    : null;
            },
            store.TrySaveAsync,
            MaxAttempts,
            cancellationToken,
            onConflict: attempt => logger.LogInformation("Deal {DealId} changed concurrently; retrying (attempt {Attempt} of {MaxAttempts})", dealId, attempt, MaxAttempts),
            alreadyRead: alreadyRead is { ETag: not null } ? alreadyRead : null).ConfigureAwait(false);

        switch (update.Status)
        {
            case OptimisticUpdateStatus.Saved:
                return new UpdateOutcome(UpdateStatus.Applied, update.Saved);
            case OptimisticUpdateStatus.GaveUp:
                throw new InvalidOperationException($"Deal {dealId} kept changing concurrently; gave up after {MaxAttempts} attempts.");
            default:
                if (update.Read is not { } current)
                {
                    return new UpdateOutcome(UpdateStatus.NotFound, null);
                }

                if (current.HasApplied(activityId))
                {
                    logger.LogInformation("Activity {ActivityId} already applied to deal {DealId}; not applying it again", activityId, dealId);
                    return new UpdateOutcome(UpdateStatus.AlreadyApplied, current);
                }

                return new UpdateOutcome(UpdateStatus.Refused, current, refusal);
        }
    }

    /// <summary>Inserts a new deal; a retried activity that already created it returns the existing deal.</summary>
    public async Task<UpdateOutcome> CreateAsync(Deal deal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var recorded = UndoTrail.Record(null, deal, deal.CreatedAt);
        var saved = await store.SaveAsync(Reminders.ReminderLadder.AfterChange(null, recorded, process), expectedETag: null, cancellationToken).ConfigureAwait(false);
        if (saved.Status == SaveStatus.Saved)
        {
            return new UpdateOutcome(UpdateStatus.Applied, saved.Saved);
        }

        var existing = await store.GetAsync(deal.Owner, deal.Id, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Deal {DealId} already exists (a retried activity); not creating it again", deal.Id);
        return new UpdateOutcome(UpdateStatus.AlreadyApplied, existing);
    }

    /// <summary>
    /// Puts back the rep's newest change to any of their deals (deleted ones included: undoing a delete restores it),
    /// if it is within <see cref="UndoTrail.Window"/>. Only the owner's deals are read, so another rep's are never touched.
    /// </summary>
    /// <param name="dealId">Only this deal's newest change (the rep named it); null: the newest of any deal.</param>
    /// <param name="said">
    /// The message, when no deal was named as such: if it names deals in passing (<see cref="DealMentions"/>) and not the
    /// one last changed, nothing is undone (<see cref="UndoStatus.NamesAnotherDeal"/>): "tailspin wasn't won, undo that"
    /// means Tailspin's change, "that was meant for delta, undo" the last one, so it is asked, never guessed.
    /// </param>
    public async Task<UndoOutcome> UndoAsync(OwnerKey owner, Actor actor, DateTimeOffset now, CancellationToken cancellationToken, string? dealId = null, string? said = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var deals = await store.ListIncludingDeletedAsync(owner, cancellationToken).ConfigureAwait(false);
        if (deals.FirstOrDefault(d => d.HasApplied(actor.ActivityId)) is { } done)
        {
            logger.LogInformation("Activity {ActivityId} already undid a change of deal {DealId}; not undoing another", actor.ActivityId, done.Id);
            return new UndoOutcome(UndoStatus.AlreadyApplied, done, null, null);
        }

        if (UndoTrail.Latest(dealId is null ? deals : deals.Where(d => d.Id == dealId)) is not var (target, entry))
        {
            return new UndoOutcome(UndoStatus.NothingToUndo, null, null, null);
        }

        if (dealId is null && DealMentions.In(deals, said) is { Count: > 0 } mentioned && !mentioned.Any(d => d.Id == target.Id))
        {
            return new UndoOutcome(UndoStatus.NamesAnotherDeal, target, null, entry) { Mentioned = mentioned };
        }

        if (!UndoTrail.CanUndo(entry, now))
        {
            return new UndoOutcome(UndoStatus.TooOld, target, null, entry);
        }

        var update = await OptimisticUpdate.ApplyAsync<Deal>(
            async ct => (await store.ListIncludingDeletedAsync(owner, ct).ConfigureAwait(false)).FirstOrDefault(d => d.Id == target.Id),
            current => current is null || UndoTrail.Undo(current, entry, now, actor) is not { } restored
                ? null
                : Reminders.ReminderLadder.AfterChange(current, restored, process),
            store.TrySaveAsync,
            MaxAttempts,
            cancellationToken,
            onConflict: attempt => logger.LogInformation("Deal {DealId} changed concurrently during undo; retrying (attempt {Attempt} of {MaxAttempts})", target.Id, attempt, MaxAttempts),
            alreadyRead: target).ConfigureAwait(false);
        return update.Status switch
        {
            OptimisticUpdateStatus.Saved => new UndoOutcome(UndoStatus.Undone, update.Read, update.Saved, entry),
            OptimisticUpdateStatus.GaveUp => throw new InvalidOperationException($"Deal {target.Id} kept changing concurrently; gave up undoing after {MaxAttempts} attempts."),
            _ => new UndoOutcome(UndoStatus.ChangedMeanwhile, update.Read, null, entry),
        };
    }
}

public enum UndoStatus
{
    Undone,

    /// <summary>No change of the rep's is on record.</summary>
    NothingToUndo,

    /// <summary>The newest change is older than <see cref="UndoTrail.Window"/>: it stays.</summary>
    TooOld,

    /// <summary>This activity (a Teams retry) already undid a change: nothing more is undone.</summary>
    AlreadyApplied,

    /// <summary>The deal changed between choosing the change and putting it back: nothing was undone.</summary>
    ChangedMeanwhile,

    /// <summary>The message names other deals than the one last changed (<see cref="UndoOutcome.Mentioned"/>): nothing was undone.</summary>
    NamesAnotherDeal,
}

/// <param name="Before">The deal as it was before the undo (the change being undone still in it).</param>
/// <param name="After">The deal as the undo left it (restored, or deleted when its creation was undone).</param>
/// <param name="Entry">The change undone (or found too old).</param>
public sealed record UndoOutcome(UndoStatus Status, Deal? Before, Deal? After, UndoEntry? Entry)
{
    /// <summary>For <see cref="UndoStatus.NamesAnotherDeal"/>: the deals the message named.</summary>
    public IReadOnlyList<Deal> Mentioned { get; init; } = [];
}
