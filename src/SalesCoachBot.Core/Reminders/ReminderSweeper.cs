using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Reminders;

/// <summary>What one sweep did, for logs and tests.</summary>
public sealed record SweepResult(int Due, int Sent, int Deferred, int Skipped, TimeSpan Duration);

/// <summary>
/// One pass over due work: reads the due deals, claims them (<see cref="ReminderClaims"/>), sends each rep one message
/// with their reminders and each manager their nudges, records what went out, then sends the digests that are due
/// (<see cref="DigestSender"/>). Safe to run on several instances at once: the claims see to that.
/// </summary>
public sealed class ReminderSweeper(
    IReminderSchedule schedule,
    IUserProfileStore profiles,
    ReminderClaims claims,
    ManagerLookup managers,
    DigestSender digests,
    IReminderNotifier notifier,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderSweeper> logger)
{
    /// <summary>Names this sweeper in claims, so logs say which instance holds what.</summary>
    public string Instance { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var due = await schedule.ListDueAsync(now, options.Value.BatchSize, cancellationToken).ConfigureAwait(false);
        int sent = 0, deferred = 0, skipped = 0;
        foreach (var group in due.GroupBy(d => d.Owner))
        {
            var rep = await profiles.GetAsync(group.Key, cancellationToken).ConfigureAwait(false);
            var claimed = new List<DueReminder>();
            foreach (var deal in group)
            {
                var claim = await claims.ClaimAsync(deal, rep, Instance, now, cancellationToken).ConfigureAwait(false);
                switch (claim.Outcome)
                {
                    case ClaimOutcome.Claimed:
                        claimed.Add(claim.Reminder!);
                        break;
                    case ClaimOutcome.Skipped:
                        skipped++;
                        break;
                    default:
                        deferred++;
                        break;
                }
            }

            if (rep is null || claimed.Count == 0)
            {
                continue;
            }

            sent += await RemindRepAsync(rep, claimed.Where(c => c.Rung != Rung.ManagerNudge).ToList(), now, cancellationToken).ConfigureAwait(false);
            foreach (var nudge in claimed.Where(c => c.Rung == Rung.ManagerNudge))
            {
                sent += await NudgeManagerAsync(rep, nudge, now, cancellationToken).ConfigureAwait(false);
            }
        }

        sent += await digests.SendDueAsync(now, cancellationToken).ConfigureAwait(false);

        var sweep = new SweepResult(due.Count, sent, deferred, skipped, Stopwatch.GetElapsedTime(started));
        logger.LogInformation(
            "Reminder sweep by {Instance}: {Due} due, {Sent} sent, {Deferred} deferred, {Skipped} skipped in {DurationMs} ms",
            Instance, sweep.Due, sweep.Sent, sweep.Deferred, sweep.Skipped, (int)sweep.Duration.TotalMilliseconds);
        return sweep;
    }

    /// <summary>All of a rep's due reminders in one message, not a flood.</summary>
    private async Task<int> RemindRepAsync(UserProfile rep, List<DueReminder> reminders, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (reminders.Count == 0)
        {
            return 0;
        }

        var result = await notifier.RemindRepAsync(rep, reminders, cancellationToken).ConfigureAwait(false);
        if (result == NotifyResult.Gone)
        {
            logger.LogWarning("Teams refused messages to {RepId} (403: the bot was removed or blocked); reminders wait until the rep comes back", rep.UserId);
            await profiles.MarkUnreachableAsync(rep.Key, cancellationToken).ConfigureAwait(false);
        }

        return await claims.RecordAsync(reminders, result, Instance, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The top rung goes to the rep's manager; without one (or one who cannot be reached) the ladder ends there.</summary>
    private async Task<int> NudgeManagerAsync(UserProfile rep, DueReminder nudge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var manager = await managers.FindAsync(rep, cancellationToken).ConfigureAwait(false);
        if (manager is null)
        {
            logger.LogWarning("Deal {DealId} of {RepId} is due a manager nudge, but no manager is known for the rep; the ladder ends here", nudge.Deal.Id, rep.UserId);
            await claims.RecordAsync([nudge], NotifyResult.Sent, Instance, now, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var result = await notifier.NudgeManagerAsync(manager, rep, nudge, cancellationToken).ConfigureAwait(false);

        // A manager who cannot be reached does not park the rep's deal: the nudge is dropped and the ladder ends.
        var sent = await claims.RecordAsync([nudge], result == NotifyResult.Gone ? NotifyResult.Sent : result, Instance, now, cancellationToken).ConfigureAwait(false);
        if (result == NotifyResult.Gone)
        {
            await profiles.MarkUnreachableAsync(manager.Key, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("The manager {ManagerId} of {RepId} cannot be reached in Teams (bot removed, blocked, or no chat could be opened); the nudge about deal {DealId} is dropped", manager.UserId, rep.UserId, nudge.Deal.Id);
        }

        return sent;
    }
}
