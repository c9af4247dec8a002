using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Reminders;

public enum ClaimOutcome
{
    /// <summary>This instance holds the deal's next rung: it sends it, then records it.</summary>
    Claimed,

    /// <summary>Not due yet after all (quiet hours, a due date not yet over where the rep is, no chat yet): its exact instant was written instead.</summary>
    Deferred,

    /// <summary>Another instance holds it, or the deal changed since it was read: left alone.</summary>
    Skipped,
}

/// <param name="Reminder">What to send; only when <see cref="ClaimOutcome.Claimed"/>, and its deal is the claimed version.</param>
public sealed record ClaimResult(ClaimOutcome Outcome, DueReminder? Reminder = null);

/// <summary>
/// Makes each reminder go out exactly once, also with several instances sharing one store: a due deal is claimed with
/// an optimistic-concurrency write before anything is sent (only one instance's claim succeeds), the outcome is
/// recorded after, and a claim left by an instance that died expires so another takes the work over.
/// </summary>
public sealed class ReminderClaims(IDealStore deals, ManagerLookup managers, SalesProcess process, IOptions<ReminderOptions> options)
{
    /// <summary>
    /// Claims a due deal for <paramref name="instance"/>, or writes its exact next instant when it is not due yet
    /// (quiet hours, a due date that has not ended in the rep's time zone).
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(Deal deal, UserProfile? rep, string instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var state = deal.Reminder;
        if (state.Claim is { } claim && claim.Until > now)
        {
            return new ClaimResult(ClaimOutcome.Skipped);
        }

        var model = process.ModelOrDefault(deal.ModelId);
        var stage = model.GetStage(deal.StageId) ?? model.FirstStage;
        var zone = rep?.Zone ?? TimeZoneInfo.Utc;
        var exact = ReminderLadder.NextDue(deal with { Reminder = state with { Claim = null } }, stage, process.Defaults, zone);

        // A nudge goes to the manager: their working hours and time zone decide when, not the rep's.
        var audience = state.Sent + 1 == Rung.ManagerNudge && rep is not null ? await managers.FindAsync(rep, cancellationToken).ConfigureAwait(false) ?? rep : rep;
        var audienceZone = audience?.Zone ?? zone;
        var sendAt = exact is null ? (DateTimeOffset?)null : (audience?.Hours ?? WorkingHours.Default).NextOpen(exact.Value > now ? exact.Value : now, audienceZone);

        // The reminder the rep asked for comes at the start of their working day: their hours, whatever the ladder's rung.
        var asked = ReminderLadder.AskedDue(deal, zone);
        var askedAt = asked is null ? (DateTimeOffset?)null : (rep?.Hours ?? WorkingHours.Default).NextOpen(asked.Value > now ? asked.Value : now, zone);

        Deal updated;
        DueReminder? reminder = null;
        if (rep is null || !rep.ConversationActive || rep.ConversationReference is null)
        {
            // No 1:1 chat to write to yet (first contact was in a channel) or the bot was removed: look again later;
            // only a 403 parks a deal (RecordAsync), and the rep's return unparks it (UserArrivals).
            updated = deal with { Reminder = state with { Claim = null, Parked = rep is { ConversationActive: false }, DueAt = now + options.Value.RetryDelay } };
        }
        else if (askedAt <= now)
        {
            // Asked for first: a ladder rung due too waits for the next sweep (its due time stays passed), so the rep
            // reads one message about the deal at a time.
            var askedFor = deal.AskedReminder!;
            updated = deal with { Reminder = state with { Claim = new ReminderClaim(instance, now + options.Value.ClaimTimeout, Rung.None) { Asked = askedFor } } };
            reminder = new DueReminder(updated, Rung.None, new AskedReminderDue(askedFor.On, askedFor.Note));
        }
        else if (sendAt is null || sendAt > now)
        {
            updated = deal with { Reminder = state with { Claim = null, DueAt = askedAt is { } at && (sendAt is null || at < sendAt) ? at : sendAt } };
        }
        else
        {
            var rung = state.Sent + 1;
            updated = deal with { Reminder = state with { Claim = new ReminderClaim(instance, now + options.Value.ClaimTimeout, rung) } };
            reminder = new DueReminder(updated, rung, ReminderReason.For(deal, stage, now, zone));
        }

        if (await deals.TrySaveAsync(updated, deal.ETag, cancellationToken).ConfigureAwait(false) is not { } saved)
        {
            return new ClaimResult(ClaimOutcome.Skipped);
        }

        return reminder is null
            ? new ClaimResult(ClaimOutcome.Deferred)
            : new ClaimResult(ClaimOutcome.Claimed, reminder with { Deal = saved });
    }

    /// <summary>
    /// Records how sending went on each deal <paramref name="instance"/> claimed: the rung as sent, the deal parked
    /// (<see cref="NotifyResult.Gone"/>), or due again after the retry delay. A deal that changed meanwhile in a way
    /// that dropped the claim (progress reset its ladder) is left as it is.
    /// </summary>
    /// <returns>How many were recorded as sent.</returns>
    public async Task<int> RecordAsync(IReadOnlyList<DueReminder> claimed, NotifyResult result, string instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var recorded = 0;
        foreach (var reminder in claimed)
        {
            var deal = reminder.Deal;
            var update = await OptimisticUpdate.ApplyAsync(
                ct => deals.GetAsync(deal.Owner, deal.Id, ct),
                current => Recorded(current, reminder.Rung, result, instance, now),
                deals.TrySaveAsync,
                DealUpdater.MaxAttempts,
                cancellationToken,
                alreadyRead: deal).ConfigureAwait(false);
            recorded += update.Status == OptimisticUpdateStatus.Saved && result == NotifyResult.Sent ? 1 : 0;
        }

        return recorded;
    }

    private Deal? Recorded(Deal? current, Rung rung, NotifyResult result, string instance, DateTimeOffset now)
    {
        if (current?.Reminder.Claim is not { } claim || claim.Instance != instance || claim.Rung != rung)
        {
            return null;
        }

        var state = current.Reminder with { Claim = null };
        state = result switch
        {
            // The reminder the rep asked for goes once and leaves the ladder where it is: no rung, no manager nudge.
            NotifyResult.Sent when claim.Asked is { } asked => state with { LastAskedSent = asked },

            // A snooze the rep set while the message was on its way still holds.
            NotifyResult.Sent => state with { Sent = rung, LastSentAt = now, SnoozedUntil = state.SnoozedUntil > now ? state.SnoozedUntil : null },
            NotifyResult.Gone => state with { Parked = true },
            _ => state with { DueAt = now + options.Value.RetryDelay },
        };

        // Sent, it is done; one the rep asked for again while it was on its way (a later day) stays.
        var sentAsked = result == NotifyResult.Sent && claim.Asked is { } sent && current.AskedReminder?.SetAt == sent.SetAt;
        var next = current with { Reminder = state, AskedReminder = sentAsked ? null : current.AskedReminder };
        if (result == NotifyResult.Sent)
        {
            var model = process.ModelOrDefault(next.ModelId);
            next = next with { Reminder = state with { DueAt = ReminderLadder.EarliestDue(next, model.GetStage(next.StageId) ?? model.FirstStage, process.Defaults) } };
        }

        return next;
    }
}
