using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Reminders;

/// <summary>What one sweep did, for logs and tests.</summary>
public sealed record SweepResult(int Due, int Sent, int Deferred, int Skipped, TimeSpan Duration);

/// <summary>
/// Finds due reminders and sends each exactly once, also with several instances sharing one store:
/// every due deal is claimed with an optimistic-concurrency write before anything is sent (only one instance's
/// claim succeeds), the send is recorded after, and a claim left by an instance that died expires and is taken over.
/// </summary>
public sealed class ReminderSweeper(
    IReminderSchedule schedule,
    IDealStore deals,
    IUserProfileStore profiles,
    IReminderNotifier notifier,
    ManagerMapping mapping,
    SalesProcess process,
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
            var claimed = new List<(Deal Deal, DueReminder Reminder)>();
            foreach (var deal in group)
            {
                switch (await ClaimAsync(deal, rep, now, cancellationToken).ConfigureAwait(false))
                {
                    case (Deal mine, DueReminder reminder):
                        claimed.Add((mine, reminder));
                        break;
                    case (null, null):
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

            var toRep = claimed.Where(c => c.Reminder.Rung != Rung.ManagerNudge).ToList();
            if (toRep.Count > 0)
            {
                var result = await notifier.RemindRepAsync(rep, toRep.Select(c => c.Reminder).ToList(), cancellationToken).ConfigureAwait(false);
                sent += await RecordAsync(toRep, result, rep, now, cancellationToken).ConfigureAwait(false);
            }

            foreach (var nudge in claimed.Where(c => c.Reminder.Rung == Rung.ManagerNudge))
            {
                var manager = await FindManagerAsync(rep, cancellationToken).ConfigureAwait(false);
                if (manager is null)
                {
                    logger.LogWarning("Deal {DealId} of {RepId} is due a manager nudge, but no manager is known for the rep; the ladder ends here", nudge.Deal.Id, rep.UserId);
                    await RecordAsync([nudge], NotifyResult.Sent, rep, now, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var result = await notifier.NudgeManagerAsync(manager, rep, nudge.Reminder, cancellationToken).ConfigureAwait(false);
                sent += await RecordAsync([nudge], result == NotifyResult.Gone ? NotifyResult.Sent : result, rep, now, cancellationToken).ConfigureAwait(false);
                if (result == NotifyResult.Gone)
                {
                    await MarkInactiveAsync(manager, cancellationToken).ConfigureAwait(false);
                    logger.LogWarning("The manager {ManagerId} of {RepId} cannot be reached in Teams (bot removed, blocked, or no chat could be opened); the nudge about deal {DealId} is dropped", manager.UserId, rep.UserId, nudge.Deal.Id);
                }
            }
        }

        if (options.Value.DigestEnabled)
        {
            sent += await SendDigestsAsync(now, cancellationToken).ConfigureAwait(false);
        }

        var sweep = new SweepResult(due.Count, sent, deferred, skipped, Stopwatch.GetElapsedTime(started));
        logger.LogInformation(
            "Reminder sweep by {Instance}: {Due} due, {Sent} sent, {Deferred} deferred, {Skipped} skipped in {DurationMs} ms",
            Instance, sweep.Due, sweep.Sent, sweep.Deferred, sweep.Skipped, (int)sweep.Duration.TotalMilliseconds);
        return sweep;
    }

    /// <summary>
    /// Claims a due deal, or writes its exact next instant when it is not due yet (quiet hours, a due date that has
    /// not ended in the rep's time zone). Returns the claimed deal, (null, null) when another instance or a change got
    /// there first, or (deal, null) when it was deferred.
    /// </summary>
    private async Task<(Deal? Deal, DueReminder? Reminder)> ClaimAsync(Deal deal, UserProfile? rep, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = deal.Reminder;
        if (state.Claim is { } claim && claim.Until > now)
        {
            return (null, null);
        }

        var model = process.ModelOrDefault(deal.ModelId);
        var stage = model.GetStage(deal.StageId) ?? model.FirstStage;
        var zone = rep?.Zone ?? TimeZoneInfo.Utc;
        var exact = ReminderLadder.NextDue(deal with { Reminder = state with { Claim = null } }, stage, process.Defaults, zone);

        // A nudge goes to the manager: their working hours and time zone decide when, not the rep's.
        var audience = state.Sent + 1 == Rung.ManagerNudge && rep is not null ? await FindManagerAsync(rep, cancellationToken).ConfigureAwait(false) ?? rep : rep;
        var audienceZone = audience?.Zone ?? zone;
        var sendAt = exact is null ? (DateTimeOffset?)null : (audience?.Hours ?? WorkingHours.Default).NextOpen(exact.Value > now ? exact.Value : now, audienceZone);

        Deal updated;
        DueReminder? reminder = null;
        if (rep is null || !rep.ConversationActive || rep.ConversationReference is null)
        {
            // No 1:1 chat to write to yet (first contact was in a channel) or the bot was removed: look again later;
            // only a 403 parks a deal (RecordAsync), and the rep's return unparks it.
            updated = deal with { Reminder = state with { Claim = null, Parked = rep is { ConversationActive: false }, DueAt = now + options.Value.RetryDelay } };
        }
        else if (sendAt is null || sendAt > now)
        {
            updated = deal with { Reminder = state with { Claim = null, DueAt = sendAt } };
        }
        else
        {
            var rung = state.Sent + 1;
            updated = deal with { Reminder = state with { Claim = new ReminderClaim(Instance, now + options.Value.ClaimTimeout, rung) } };
            reminder = new DueReminder(updated, rung, Reason(deal, stage, now, zone));
        }

        var saved = await deals.SaveAsync(updated, deal.ETag, cancellationToken).ConfigureAwait(false);
        if (saved.Status != SaveStatus.Saved)
        {
            return (null, null);
        }

        return reminder is null ? (saved.Saved, null) : (saved.Saved, reminder with { Deal = saved.Saved! });
    }

    /// <summary>Records the outcome on each claimed deal; a deal that changed meanwhile (progress reset its ladder) is left as it is.</summary>
    private async Task<int> RecordAsync(List<(Deal Deal, DueReminder Reminder)> claimed, NotifyResult result, UserProfile rep, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (result == NotifyResult.Gone)
        {
            logger.LogWarning("Teams refused messages to {RepId} (403: the bot was removed or blocked); reminders wait until the rep comes back", rep.UserId);
            await MarkInactiveAsync(rep, cancellationToken).ConfigureAwait(false);
        }

        var recorded = 0;
        foreach (var (deal, reminder) in claimed)
        {
            for (var attempt = 0; attempt < DealUpdater.MaxAttempts; attempt++)
            {
                var current = attempt == 0 ? deal : await deals.GetAsync(deal.Owner, deal.Id, cancellationToken).ConfigureAwait(false);
                if (current?.Reminder.Claim is not { } claim || claim.Instance != Instance || claim.Rung != reminder.Rung)
                {
                    break;
                }

                var state = current.Reminder with { Claim = null };
                state = result switch
                {
                    // A snooze the rep set while the message was on its way still holds.
                    NotifyResult.Sent => state with { Sent = reminder.Rung, LastSentAt = now, SnoozedUntil = state.SnoozedUntil > now ? state.SnoozedUntil : null },
                    NotifyResult.Gone => state with { Parked = true },
                    _ => state with { DueAt = now + options.Value.RetryDelay },
                };
                var next = current with { Reminder = state };
                if (result == NotifyResult.Sent)
                {
                    var model = process.ModelOrDefault(next.ModelId);
                    next = next with { Reminder = state with { DueAt = ReminderLadder.EarliestDue(next, model.GetStage(next.StageId) ?? model.FirstStage, process.Defaults) } };
                }

                if ((await deals.SaveAsync(next, current.ETag, cancellationToken).ConfigureAwait(false)).Status == SaveStatus.Saved)
                {
                    recorded += result == NotifyResult.Sent ? 1 : 0;
                    break;
                }
            }
        }

        return recorded;
    }

    /// <summary>
    /// The rep's manager: the one the rep named, else the admin's mapping file. A manager named in the file by object
    /// id who never talked to the bot is returned without a conversation; the notifier opens one.
    /// </summary>
    private async Task<UserProfile?> FindManagerAsync(UserProfile rep, CancellationToken cancellationToken)
    {
        if (rep.ManagerUserId is { } named)
        {
            var chosen = await profiles.GetAsync(new OwnerKey(rep.TenantId, named), cancellationToken).ConfigureAwait(false);
            return chosen is { ConversationActive: false } ? null : chosen;
        }

        if (mapping.ManagerOf(rep) is not { } manager)
        {
            return null;
        }

        // An Entra object id (what the README asks for) is one point read; only an email needs the tenant's profiles.
        var byId = Guid.TryParse(manager, out var objectId)
            ? await profiles.GetAsync(new OwnerKey(rep.TenantId, objectId.ToString("D")), cancellationToken).ConfigureAwait(false)
            : null;
        var known = byId ?? (await profiles.ListAsync(rep.TenantId, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(p => string.Equals(p.UserId, manager, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Email, manager, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known.ConversationActive ? known : null;
        }

        if (Guid.TryParse(manager, out _))
        {
            return new UserProfile { TenantId = rep.TenantId, UserId = manager, FirstSeen = time.GetUtcNow(), LastSeen = time.GetUtcNow() };
        }

        logger.LogWarning("The mapping file names {Manager} as manager of {RepId}, but they never talked to the bot and an email alone cannot open a chat; use their Entra object id", manager, rep.UserId);
        return null;
    }

    /// <summary>
    /// Each manager whose digest is due gets one. The next digest instant is written (with the profile's ETag) before
    /// sending, so only one instance sends a given digest; a failed send is tried again after the retry delay.
    /// </summary>
    private async Task<int> SendDigestsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var manager in await profiles.ListDigestsDueAsync(now, options.Value.BatchSize, cancellationToken).ConfigureAwait(false))
        {
            var claimed = manager with { NextDigestAt = StalledDeals.NextDigest(now, manager.Zone, options.Value, manager.Hours) };
            if (!await profiles.SaveAsync(claimed, manager.ETag, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var (stalled, isTeam) = await StalledDeals.ForAsync(manager, profiles, deals, mapping, process, now, cancellationToken).ConfigureAwait(false);
            if (!isTeam || !manager.ConversationActive || manager.ConversationReference is null)
            {
                continue;
            }

            var result = await notifier.SendDigestAsync(manager, stalled, cancellationToken).ConfigureAwait(false);
            if (result == NotifyResult.Sent)
            {
                sent++;
                logger.LogInformation("Digest of {Count} stalled deals sent to manager {ManagerId}", stalled.Count, manager.UserId);
            }
            else if (result == NotifyResult.Failed)
            {
                await profiles.UpdateAsync(manager.Key, m => m is null ? null : m with { NextDigestAt = now + options.Value.RetryDelay }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await MarkInactiveAsync(manager, cancellationToken).ConfigureAwait(false);
            }
        }

        return sent;
    }

    private Task MarkInactiveAsync(UserProfile rep, CancellationToken cancellationToken) =>
        profiles.UpdateAsync(rep.Key, current => current is { ConversationActive: true } ? current with { ConversationActive = false } : null, cancellationToken);

    private static string Reason(Deal deal, Stage stage, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (deal.NextStep?.Due is { } due && due < today)
        {
            return $"the next step \"{deal.NextStep.Text}\" was due {due.ToString("ddd d MMM", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}";
        }

        if (stage.AllowedTime is { } allowed && now - deal.StageEnteredAt > allowed)
        {
            var over = now - deal.StageEnteredAt - allowed;
            return $"it has been in {stage.Name} {IsoDuration.Describe(allowed)} plus {Over(over)}";
        }

        return $"it is due for a follow-up in {stage.Name}";
    }

    private static string Over(TimeSpan over) =>
        over.TotalDays >= 1 ? $"{(int)over.TotalDays} day{((int)over.TotalDays == 1 ? "" : "s")}"
        : over.TotalHours >= 1 ? $"{(int)over.TotalHours} hour{((int)over.TotalHours == 1 ? "" : "s")}"
        : over.TotalMinutes >= 1 ? $"{(int)over.TotalMinutes} minute{((int)over.TotalMinutes == 1 ? "" : "s")}"
        : $"{Math.Max(1, (int)over.TotalSeconds)} seconds";
}
