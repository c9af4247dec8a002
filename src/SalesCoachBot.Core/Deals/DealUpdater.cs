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

    public async Task<UpdateOutcome> UpdateAsync(
        OwnerKey owner, string dealId, string? activityId, Func<Deal, DealChange> change, CancellationToken cancellationToken)
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
                return result.Deal is { } changed ? Reminders.ReminderLadder.AfterChange(current, changed, process) : null;
            },
            store.TrySaveAsync,
            MaxAttempts,
            cancellationToken,
            onConflict: attempt => logger.LogInformation("Deal {DealId} changed concurrently; retrying (attempt {Attempt} of {MaxAttempts})", dealId, attempt, MaxAttempts)).ConfigureAwait(false);

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
