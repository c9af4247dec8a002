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

public sealed record UpdateOutcome(UpdateStatus Status, Deal? Deal, string? Refusal = null);

/// <summary>
/// Every change to a stored deal goes through here: read, apply a pure change, save with the version read,
/// and on a conflict read again and reapply, a bounded number of times.
/// Each change also keeps the deal's reminder state in step (progress cancels pending reminders and restarts the clock).
/// </summary>
public sealed class DealUpdater(IDealStore store, Process.SalesProcess process, ILogger<DealUpdater> logger)
{
    /// <summary>
    /// A save only loses to another writer's successful save, and each writer succeeds once: with up to ten writers on
    /// one deal at once (a rep's clicks, a retry, two sweepers) every update lands, however slow the store.
    /// </summary>
    public const int MaxAttempts = 10;

    public async Task<UpdateOutcome> UpdateAsync(
        OwnerKey owner, string dealId, string? activityId, Func<Deal, DealChange> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(owner, dealId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return new UpdateOutcome(UpdateStatus.NotFound, null);
            }

            if (current.HasApplied(activityId))
            {
                logger.LogInformation("Activity {ActivityId} already applied to deal {DealId}; not applying it again", activityId, dealId);
                return new UpdateOutcome(UpdateStatus.AlreadyApplied, current);
            }

            var result = change(current);
            if (result.Deal is null)
            {
                return new UpdateOutcome(UpdateStatus.Refused, current, result.Refusal);
            }

            var changed = Reminders.ReminderLadder.AfterChange(current, result.Deal, process);
            var saved = await store.SaveAsync(changed, current.ETag, cancellationToken).ConfigureAwait(false);
            if (saved.Status == SaveStatus.Saved)
            {
                return new UpdateOutcome(UpdateStatus.Applied, saved.Saved);
            }

            logger.LogInformation("Deal {DealId} changed concurrently; retrying (attempt {Attempt} of {MaxAttempts})", dealId, attempt, MaxAttempts);
        }

        throw new InvalidOperationException($"Deal {dealId} kept changing concurrently; gave up after {MaxAttempts} attempts.");
    }

    /// <summary>Inserts a new deal; a retried activity that already created it returns the existing deal.</summary>
    public async Task<UpdateOutcome> CreateAsync(Deal deal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var saved = await store.SaveAsync(Reminders.ReminderLadder.AfterChange(null, deal, process), expectedETag: null, cancellationToken).ConfigureAwait(false);
        if (saved.Status == SaveStatus.Saved)
        {
            return new UpdateOutcome(UpdateStatus.Applied, saved.Saved);
        }

        var existing = await store.GetAsync(deal.Owner, deal.Id, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Deal {DealId} already exists (a retried activity); not creating it again", deal.Id);
        return new UpdateOutcome(UpdateStatus.AlreadyApplied, existing);
    }
}
