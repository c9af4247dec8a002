using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using static SalesCoachBot.Replies.CardParts;
using static SalesCoachBot.Replies.UserFormat;

namespace SalesCoachBot.Replies;

/// <summary>One deal: where it stands, its next step, and its stage history.</summary>
public static class DealCard
{
    public static string Summary(DealView view, string? headline)
    {
        ArgumentNullException.ThrowIfNull(view);
        var deal = view.Deal;
        var parts = new List<string>
        {
            $"{deal.Name}: {view.Stage.Name} ({view.Model.Name})",
            deal.IsOpen ? $"{Replies.CoreText.TimeInStage(view)} in stage{(view.IsOverdue ? ", over the allowed time" : string.Empty)}" : deal.Status.ToString().ToLowerInvariant(),
        };
        if (deal.Amount is { } amount)
        {
            parts.Add(amount.Format());
        }

        if (view.CustomerType is { } type)
        {
            parts.Add(type.Name);
        }

        if (deal.NextStep is { } step)
        {
            parts.Add($"next: {step.Text}{(step.Due is { } due ? $" by {Date(due)}" : string.Empty)}");
        }

        if (deal.IsOpen && deal.AskedReminder is { } asked)
        {
            parts.Add($"reminder: {AskedReminderLine(asked, note => note)}");
        }

        var summary = string.Join(", ", parts) + ".";
        return headline is null ? summary : $"{headline} {summary}";
    }

    public static AdaptiveCard Build(DealView view, string? headline, SalesProcess process, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(process);
        var deal = view.Deal;
        var body = new List<CardElement>();
        if (headline is not null)
        {
            body.Add(Banner(Escape(headline), deal.Status == DealStatus.Lost ? ContainerStyle.Attention : ContainerStyle.Good));
        }

        body.Add(Heading(Escape(deal.Name)));
        var facts = new List<Fact>
        {
            new("Stage", $"{view.Stage.Name} ({view.Model.Name})"),
        };
        if (deal.IsOpen)
        {
            facts.Add(new Fact("Time in stage", Replies.CoreText.TimeInStage(view) + (view.IsOverdue ? " ⚠ over the allowed time" : string.Empty)));
        }
        else
        {
            facts.Add(new Fact("Closed", $"{deal.Status} on {DateTime(deal.ClosedAt ?? deal.UpdatedAt, zone)}"));
        }

        facts.Add(new Fact("Amount", deal.Amount?.Format() ?? "not set"));
        facts.Add(new Fact("Expected close", deal.ExpectedClose is { } close ? Date(close) : "not set"));
        if (view.CustomerType is { } type)
        {
            facts.Add(new Fact("Customer type", type.Name));
        }
        // A won deal's next step is its first follow-up (the check-in after the handover), reminded like any next step.
        if (deal.IsOpen || deal.NextStep is not null)
        {
            facts.Add(new Fact(
                deal.IsOpen ? "Next step" : "Follow-up",
                deal.NextStep is { } step
                    ? Escape(step.Text) + (step.Due is { } due ? $" (due {Date(due)}{(view.IsNextStepOverdue ? ", overdue" : string.Empty)})" : string.Empty)
                    : "none yet: say \"next step for " + Escape(deal.Name) + ": …\""));
        }

        if (deal.IsOpen && deal.AskedReminder is { } asked)
        {
            facts.Add(new Fact("Reminder", AskedReminderLine(asked, Escape)));
        }

        if (view.SnoozedUntil is { } snoozed)
        {
            facts.Add(new Fact("Snoozed", $"no reminders before {UserFormat.ShortDateTime(snoozed, zone)} (\"unsnooze {Escape(deal.Name)}\" to end it)"));
        }

        if (deal.LostReason is { } reason)
        {
            facts.Add(new Fact("Reason lost", Escape(reason)));
        }

        body.Add(new FactSet { Facts = facts });
        if (deal.IsOpen)
        {
            body.Add(Text($"Objective: {view.Stage.Objective}", subtle: true));
        }
        else if (view.Stage.Actions.Count + view.Stage.FollowUps.Count > 0)
        {
            // A closed deal still has work: the handover after a win, the lessons after a loss.
            body.Add(new TextBlock { Text = "What to do now", Weight = FontWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(Text(view.Stage.Objective, subtle: true));
            body.Add(Text(string.Join("\n", view.Stage.Actions.Concat(view.Stage.FollowUps).Select(a => "- " + a))));
        }

        if (deal.Activities.Count > 0)
        {
            // The latest few by the day they happened (a call logged today as "yesterday" sits below today's), newest
            // first: the card stays small however much was logged.
            body.Add(new TextBlock { Text = "Recent activity", Weight = FontWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(new FactSet
            {
                Facts = deal.Activities.OrderByDescending(a => a.Date).ThenByDescending(a => a.LoggedAt).Take(RecentActivities)
                    .Select(a => new Fact(Date(a.Date), ActivityName(a.Kind) + (a.Note is null ? string.Empty : $": {Escape(a.Note)}")))
                    .ToList(),
            });
        }

        body.Add(new TextBlock { Text = "Stage history", Weight = FontWeight.Bolder, Spacing = Spacing.Medium });
        var history = deal.History.TakeLast(RecentStageChanges).Select(h => HistoryFact(h, view.Model, zone)).Reverse().ToList();
        if (deal.History.Count > RecentStageChanges)
        {
            history.Add(new Fact("Earlier", $"{deal.History.Count - RecentStageChanges} more, since {Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deal.CreatedAt, zone).DateTime))}"));
        }

        body.Add(new FactSet { Facts = history });
        return Card(body, [Say("My deals", "my deals")]);
    }

    /// <summary>"Fri 4 Dec, you asked: send the pricing": the reminder the rep asked for, which is not the next step.</summary>
    private static string AskedReminderLine(AskedReminder asked, Func<string, string> shown) =>
        $"{ShortDate(asked.On)}, you asked" + (asked.Note is { } note ? $": {shown(note)}" : string.Empty);

    /// <summary>How many of a deal's latest stage changes its card lists; the rest are counted, so the card stays one Teams message.</summary>
    public const int RecentStageChanges = 10;

    /// <summary>How many of a deal's latest activities its card lists.</summary>
    public const int RecentActivities = 5;

    private static string ActivityName(Core.Understanding.ActivityKind kind) => kind switch
    {
        Core.Understanding.ActivityKind.Call => "Call",
        Core.Understanding.ActivityKind.Meeting => "Meeting",
        Core.Understanding.ActivityKind.Email => "Email",
        Core.Understanding.ActivityKind.Demo => "Demo",
        Core.Understanding.ActivityKind.ProposalSent => "Proposal sent",
        _ => "Other",
    };

    private static Fact HistoryFact(StageChange change, SellingModel model, TimeZoneInfo zone)
    {
        string Name(string id) => model.GetStage(id)?.Name ?? id;
        var what = change.FromStageId is null ? $"Created in {Name(change.ToStageId)}" : $"{Name(change.FromStageId)} → {Name(change.ToStageId)}";
        var skipped = change.Skipped is { Count: > 0 } ? $"; skipped {string.Join(", ", change.Skipped.Select(Name))}" : string.Empty;
        var unconfirmed = change.Unconfirmed is { Count: > 0 } u ? $"; {u.Count} exit criteri{(u.Count == 1 ? "on" : "a")} not confirmed" : string.Empty;
        return new Fact(DateTime(change.At, zone), $"{what} (by {Escape(change.By)}){skipped}{unconfirmed}");
    }
}
