using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Reminders;

/// <summary>Snoozing, working hours, time zone, who manages whom, stalled deals, and a manager's ping.</summary>
public sealed class ReminderCommandHandler(
    IDealStore deals,
    DealUpdater updater,
    IUserProfileStore profiles,
    DealResolver resolver,
    ReminderNotifier notifier,
    Microsoft.Extensions.Options.IOptions<ReminderOptions> reminderOptions,
    ManagerMapping mapping)
{
    public async Task<BotReply> SnoozeAsync(SnoozeDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var resolution = await resolver.ResolveAsync(context, command.DealPhrase, includeClosed: false, cancellationToken).ConfigureAwait(false);
        return resolution.Deal is { } deal
            ? await SnoozeAsync(deal, command.Spec, context, cancellationToken).ConfigureAwait(false)
            : resolution.Reply!;
    }

    public async Task<BotReply> LiftSnoozeAsync(LiftSnooze command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var resolution = await resolver.ResolveAsync(context, command.DealPhrase, includeClosed: false, cancellationToken).ConfigureAwait(false);
        if (resolution.Deal is not { } deal)
        {
            return resolution.Reply!;
        }

        var outcome = await updater.UpdateAsync(
            deal, context.Actor.ActivityId, current => DealRules.LiftSnooze(current, context.Now, context.Actor), cancellationToken).ConfigureAwait(false);
        return outcome.Status == UpdateStatus.Applied
            ? DealReplies.Deal(outcome.Deal!, context, $"{deal.Name} is no longer snoozed: its reminders come as usual.")
            : DealReplies.NotApplied(outcome, context, "Already done: that change was applied before.");
    }

    /// <summary>The reminder card's snooze form: for a while, until the next step is due, or until a date.</summary>
    public async Task<BotReply> SnoozeClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var (deal, notFound) = await ClickedDeal.LoadAsync(deals, action, context, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            return notFound!;
        }

        SnoozeSpec? spec = action.SnoozeFor switch
        {
            "1d" => new SnoozeSpec(null, TimeSpan.FromDays(1), false),
            "3d" => new SnoozeSpec(null, TimeSpan.FromDays(3), false),
            "1w" => new SnoozeSpec(null, TimeSpan.FromDays(7), false),
            "step" => new SnoozeSpec(null, null, true),
            _ when UserFormat.ParseInputDate(action.SnoozeUntil) is { } until => new SnoozeSpec(until, null, false),
            _ => null,
        };
        var reply = spec is null
            ? BotReply.Plain("Pick how long to snooze, or a date.")
            : await SnoozeAsync(deal, spec, context, cancellationToken).ConfigureAwait(false);
        return reply with { ReplacesCard = true };
    }

    private async Task<BotReply> SnoozeAsync(Deal deal, SnoozeSpec spec, CommandContext context, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        var hours = profile?.Hours ?? WorkingHours.Default;
        DateTimeOffset until;
        if (spec.UntilNextStep)
        {
            if (deal.NextStep?.Due is not { } due)
            {
                return BotReply.Plain($"{deal.Name} has no next step with a due date. Say \"next step for {deal.Name}: … by friday\" first, or snooze for a while: \"snooze {deal.Name} 3 days\".");
            }

            until = WorkingHours.ToInstant(due, hours.Start, context.TimeZone);
        }
        else if (spec.Until is { } date)
        {
            if (date <= context.Today)
            {
                return BotReply.Plain($"{UserFormat.Date(date)} is not in the future; snooze until a later date.");
            }

            until = WorkingHours.ToInstant(date, hours.Start, context.TimeZone);
        }
        else if (spec.For!.Value is { Ticks: var ticks } span && ticks % TimeSpan.TicksPerDay == 0)
        {
            // "snooze it 3 days" ends as "until friday" does: at the start of the rep's working day, not at this minute.
            until = WorkingHours.ToInstant(context.Today.AddDays((int)span.TotalDays), hours.Start, context.TimeZone);
        }
        else
        {
            until = context.Now + spec.For.Value;
        }

        var outcome = await updater.UpdateAsync(
            deal, context.Actor.ActivityId, current => DealRules.Snooze(current, until, context.Now, context.Actor), cancellationToken).ConfigureAwait(false);
        var when = UserFormat.ShortDateTime(until, context.TimeZone);
        return outcome.Status switch
        {
            UpdateStatus.Applied => DealReplies.Deal(outcome.Deal!, context, $"Snoozed {deal.Name}: no reminders before {when}."),
            UpdateStatus.AlreadyApplied => BotReply.AlreadyDone(context, () => DealReplies.Deal(outcome.Deal!, context, $"Snoozed {deal.Name}: no reminders before {when}.")),
            UpdateStatus.Refused => BotReply.Plain(CoreText.Refusal(outcome.Refusal!)),
            _ => BotReply.Plain("That deal is not in your pipeline."),
        };
    }

    /// <summary>
    /// "remind me about tailspin tomorrow", "remind me to send the pricing to tailspin friday": a reminder on that day, at
    /// the start of the rep's working day, once (the opposite of a snooze). The deal's next step stays as it is; a
    /// reminder asked for before on the deal is replaced, and the reply says which.
    /// </summary>
    public async Task<BotReply> RemindAsync(RemindMe command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var resolution = await resolver.ResolveAsync(context, command.DealPhrase, includeClosed: false, cancellationToken).ConfigureAwait(false);
        if (resolution.Deal is not { } deal)
        {
            return resolution.Reply!;
        }

        // "remind me to call the cfo at delta friday" with no deal the parser could name: the deal in context only if the
        // task names no other open deal (a review saw Omega's reminder replaced by one about Delta).
        if (command.DealPhrase == DealPhrases.Context && command.Note is { } task)
        {
            var open = await deals.ListAsync(context.Owner, includeClosed: false, cancellationToken).ConfigureAwait(false);
            var named = DealMentions.In(open, task);
            if (named.Count > 0 && !named.Any(d => d.Id == deal.Id))
            {
                if (named is not [var only])
                {
                    return BotReply.Plain(
                        $"That names {string.Join(" and ", named.Select(d => d.Name))}: say which, e.g. \"remind me about {named[0].Name} {UserFormat.Date(command.Date)}\".");
                }

                DealResolver.Remember(context, only);
                deal = only;
            }
        }

        return await AskReminderAsync(deal, command.Date, command.Note, context, "Already done: that change was applied before.", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// "Remind me again" on the card of a reminder the rep asked for: the same reminder (its note kept) on the day picked,
    /// in a day, three, a week, when the next step is due, or on a date. The card is replaced by the deal's card.
    /// </summary>
    public async Task<BotReply> RemindAgainClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var (deal, notFound) = await ClickedDeal.LoadAsync(deals, action, context, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            return notFound!;
        }

        DateOnly? on = action.SnoozeFor switch
        {
            "1d" => context.Today.AddDays(1),
            "3d" => context.Today.AddDays(3),
            "1w" => context.Today.AddDays(7),
            "step" => deal.NextStep?.Due,
            _ => UserFormat.ParseInputDate(action.SnoozeUntil),
        };
        var reply = on is { } day
            ? await AskReminderAsync(deal, day, deal.AskedReminder?.Note ?? deal.Reminder.LastAskedSent?.Note, context, "Already done: that button was used before.", cancellationToken).ConfigureAwait(false)
            : BotReply.Plain(action.SnoozeFor == "step"
                ? $"{deal.Name} has no next step with a due date. Pick a day, or a date."
                : "Pick when to remind you again, or a date.");
        return reply with { ReplacesCard = true };
    }

    /// <summary>Sets the deal's asked-for reminder; the reply says when, what it replaced, and that the next step stays.</summary>
    private async Task<BotReply> AskReminderAsync(Deal deal, DateOnly on, string? note, CommandContext context, string alreadyDone, CancellationToken cancellationToken)
    {
        var outcome = await updater.UpdateAsync(
            deal, context.Actor.ActivityId, current => DealRules.AskReminder(current, on, note, context.Today, context.Now, context.Actor), cancellationToken).ConfigureAwait(false);
        if (outcome.Status != UpdateStatus.Applied)
        {
            return DealReplies.NotApplied(outcome, context, alreadyDone);
        }

        var asked = outcome.Deal!.AskedReminder!;
        var replaced = deal.AskedReminder is { } old
            ? $" It replaces the reminder for {UserFormat.Date(old.On)}{(old.Note is { } oldNote && oldNote != asked.Note ? $" (\"{oldNote}\")" : string.Empty)}."
            : string.Empty;
        var kept = deal.NextStep is { } step ? $" Your next step stays \"{step.Text}\"." : string.Empty;
        return DealReplies.Deal(
            outcome.Deal,
            context,
            $"I'll remind you about {deal.Name} on {UserFormat.Date(asked.On)}{(asked.Note is { } what ? $": {what}" : string.Empty)}.{replaced}{kept}");
    }

    public async Task<BotReply> SetHoursAsync(SetWorkingHours command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (WorkingHours.TryParse(command.Spec) is not { } hours)
        {
            return BotReply.Plain($"I couldn't read \"{command.Spec}\" as working hours. Try \"my hours 8-17 mon-fri\" or \"my hours 09:30-18:00 weekdays\".");
        }

        var saved = await UpdateProfileAsync(context, p => p with { WorkingHours = hours.Describe() }, cancellationToken).ConfigureAwait(false);
        await RefreshDueTimesAsync(context, cancellationToken).ConfigureAwait(false);
        return BotReply.Plain(saved
            ? $"Got it: I'll only message you {hours.Describe()} ({context.TimeZone.Id}). Reminders that fall outside wait for the next working period."
            : "I couldn't save that just now; please try again.");
    }

    public async Task<BotReply> SetTimeZoneAsync(SetTimeZone command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(command.TimeZoneId, out var zone))
        {
            return BotReply.Plain($"I don't know the time zone \"{command.TimeZoneId}\". Use an IANA name such as Europe/Berlin, America/New_York or Asia/Singapore.");
        }

        var saved = await UpdateProfileAsync(context, p => p with { TimeZoneId = zone.Id }, cancellationToken).ConfigureAwait(false);
        await RefreshDueTimesAsync(context, cancellationToken).ConfigureAwait(false);
        var local = UserFormat.ShortDateTime(context.Now, zone);
        return BotReply.Plain(saved ? $"Your time zone is now {zone.Id} (it's {local} there). Dates and reminders follow it." : "I couldn't save that just now; please try again.");
    }

    public async Task<BotReply> SetManagerAsync(SetManager command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var everyone = await profiles.ListAsync(context.Owner.TenantId, cancellationToken).ConfigureAwait(false);
        var matches = ManagerDirectory.Find(command.Who, everyone.Where(p => p.UserId != context.Owner.UserId));
        if (matches.Count != 1)
        {
            return BotReply.Plain(matches.Count == 0
                ? $"I don't know \"{command.Who}\" yet: your manager needs to say hi to me in Teams once. Then say \"my manager is {command.Who}\" again."
                : $"\"{command.Who}\" could be {string.Join(" or ", matches.Select(m => m.Name ?? m.Email))}. Say their email to be sure.");
        }

        var manager = matches[0];
        var saved = await UpdateProfileAsync(context, p => p with { ManagerUserId = manager.UserId }, cancellationToken).ConfigureAwait(false);

        // A manager's first rep starts their digest schedule.
        await profiles.UpdateAsync(
            manager.Key,
            m => m is { NextDigestAt: null } ? m with { NextDigestAt = StalledDeals.NextDigest(context.Now, m.Zone, reminderOptions.Value, m.Hours) } : null,
            cancellationToken).ConfigureAwait(false);
        return BotReply.Plain(saved
            ? $"Noted: {manager.Name ?? manager.Email} is your manager. They'll hear about a deal only after two reminders to you go unanswered."
            : "I couldn't save that just now; please try again.");
    }

    /// <summary>"no weekly summary" / "weekly summary on": turning it on schedules the next one for Monday morning.</summary>
    public async Task<BotReply> SetWeeklySummaryAsync(SetWeeklySummary command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        DateTimeOffset? next = null;
        var saved = await UpdateProfileAsync(
            context,
            p =>
            {
                // Said by the rep themself, so it holds even where the admin turned digests off.
                next = command.On ? p.NextSummaryAt ?? WeeklySummaries.Next(context.Now, p.Zone, p.Hours) : null;
                return p with { WeeklySummary = command.On, WeeklySummaryAskedFor = command.On, NextSummaryAt = next };
            },
            cancellationToken).ConfigureAwait(false);
        if (!saved)
        {
            return BotReply.Plain("I couldn't save that just now; please try again.");
        }

        return BotReply.Plain(next is { } at
            ? $"Weekly summary on: your scorecard for the week comes {UserFormat.DateTime(at, context.TimeZone)}, then every week. Say \"no weekly summary\" to stop it."
            : "Weekly summary off: no more weekly scorecards. Say \"weekly summary on\" to get them again.");
    }

    public async Task<BotReply> ShowStalledAsync(ShowStalled command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var me = await profiles.GetAsync(context.Owner, cancellationToken).ConfigureAwait(false)
            ?? new UserProfile { TenantId = context.Owner.TenantId, UserId = context.Owner.UserId, FirstSeen = context.Now, LastSeen = context.Now };
        var (rows, isTeam) = await StalledDeals.ForAsync(me, profiles, deals, mapping, context.Process, context.Now, cancellationToken).ConfigureAwait(false);
        var title = isTeam ? "Your team's stalled deals" : "Your stalled deals";
        return BotReply.Card(StalledDealsCard.Summary(title, rows), StalledDealsCard.Build(title, rows));
    }

    /// <summary>The manager's "ping" button on a nudge: the rep gets the deal's coaching card with the question.</summary>
    public async Task<BotReply> PingClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var rep = action.RepUserId is null ? null : await profiles.GetAsync(new OwnerKey(context.Owner.TenantId, action.RepUserId), cancellationToken).ConfigureAwait(false);
        var me = await profiles.GetAsync(context.Owner, cancellationToken).ConfigureAwait(false);
        if (rep is null || me is null || !mapping.Manages(me, rep))
        {
            // Only a rep's own manager may ping them about their deals.
            return BotReply.Plain("You can only ping the reps you manage.");
        }

        var deal = action.DealId is null ? null : await deals.GetAsync(rep.Key, action.DealId, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            return BotReply.Plain("That deal is no longer in their pipeline.");
        }

        var result = await notifier.PingRepAsync(rep, context.Actor.UserName, deal, cancellationToken).ConfigureAwait(false);
        return BotReply.Plain(result == NotifyResult.Sent
            ? $"Pinged {rep.Name ?? "the rep"} about {deal.Name}."
            : $"I couldn't reach {rep.Name ?? "the rep"} in Teams just now ({result}).");
    }

    /// <summary>
    /// New hours or a new time zone: a reminder deferred to the next working period under the old ones is due again
    /// at its earliest instant, and the next sweep places it in the new working hours.
    /// </summary>
    private async Task RefreshDueTimesAsync(CommandContext context, CancellationToken cancellationToken)
    {
        foreach (var deal in await deals.ListAsync(context.Owner, includeClosed: false, cancellationToken).ConfigureAwait(false))
        {
            await updater.UpdateAsync(deal, activityId: null, DealChange.Changed, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<bool> UpdateProfileAsync(CommandContext context, Func<UserProfile, UserProfile> change, CancellationToken cancellationToken) =>
        profiles.UpdateAsync(
            context.Owner,
            current => change(current ?? new UserProfile { TenantId = context.Owner.TenantId, UserId = context.Owner.UserId, FirstSeen = context.Now, LastSeen = context.Now }),
            cancellationToken);
}
