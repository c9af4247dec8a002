using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using static SalesCoachBot.Replies.CardParts;
using static SalesCoachBot.Replies.UserFormat;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Replies;

/// <summary>What the rep sees when a deal enters a stage, or asks "what now?".</summary>
/// <param name="NextStep">What the rep typed, kept when the card comes back with an error.</param>
public sealed record CoachingInput(string? NextStep = null, string? Due = null, string? NextStepError = null, string? DueError = null);

/// <summary>
/// The coaching card for a deal's current stage: objective, exit criteria, the stage's actions as a checklist, tools,
/// the allowed time and when it runs out, and the next step to fill in; buttons to save, move on, or close.
/// </summary>
public static class CoachingCard
{
    public static string Summary(DealView view, string? headline)
    {
        ArgumentNullException.ThrowIfNull(view);
        var stage = view.Stage;
        var lines = new List<string>();
        if (headline is not null)
        {
            lines.Add(headline);
        }

        lines.Add($"{view.Deal.Name} is in {stage.Name}. Objective: {stage.Objective}");
        lines.Add("Do now: " + string.Join("; ", stage.Actions));
        lines.Add("Exit criteria: " + string.Join("; ", stage.ExitCriteria));
        if (DealRules.StillUnconfirmed(view.Deal) is { Count: > 0 } notConfirmed)
        {
            lines.Add("Not confirmed when it moved on: " + string.Join("; ", notConfirmed));
        }

        return string.Join("\n", lines);
    }

    public static AdaptiveCard Build(
        DealView view, string? headline, IReadOnlyList<string> warnings, TimeZoneInfo zone, DateOnly today, string? activityId, CoachingInput? input = null, bool askedReminder = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(warnings);
        var deal = view.Deal;
        var stage = view.Stage;
        var model = view.Model;
        input ??= new CoachingInput();
        var body = new List<CardElement>();
        if (headline is not null)
        {
            body.Add(Banner(Escape(headline)));
        }

        body.AddRange(warnings.Select(w => Banner(Escape(w), ContainerStyle.Warning)));
        body.Add(Heading($"{Escape(deal.Name)}: {stage.Name}"));
        var position = model.OpenStages.ToList().FindIndex(s => s.Id == stage.Id);
        body.Add(Text($"{model.Name} · stage {position + 1} of {model.OpenStages.Count} · {TimingText(view, zone)}", subtle: !view.IsOverdue, color: view.IsOverdue ? TextColor.Attention : null));
        body.Add(new FactSet
        {
            Facts =
            [
                new Fact("Amount", deal.Amount?.Format() ?? "not set"),
                new Fact("Expected close", deal.ExpectedClose is { } close ? Date(close) : "not set"),
            ],
        });
        body.Add(Text($"**Objective:** {stage.Objective}"));

        body.Add(Section("Exit criteria" + (stage.BlockOnUnmetCriteria ? " (all required to move on)" : string.Empty)));
        body.Add(Text(Bullets(stage.ExitCriteria)));

        var notConfirmed = DealRules.StillUnconfirmed(deal);
        if (notConfirmed.Count > 0)
        {
            // The deal moved on without these; ticking them later is recorded in the stage history.
            body.Add(Section("Not confirmed when it moved on: tick what is true now"));
            body.AddRange(notConfirmed.Select((criterion, i) => (CardElement)new ToggleInput(CardVerbs.LaterInputPrefix + i)
            {
                Title = criterion,
                Value = "false",
                ValueOn = "true",
                ValueOff = "false",
                Wrap = true,
            }));
            body.Add(new ActionSet
            {
                Actions = [Execute("Confirm ticked", new CardActionData { Verb = CardVerbs.ConfirmLater, DealId = deal.Id, FromStageId = deal.StageId, ClickKey = CardVerbs.ClickKey(activityId, CardVerbs.ConfirmLater) })],
            });
        }

        body.Add(Section("Do now"));
        body.AddRange(stage.Actions.Select((action, i) => (CardElement)new ToggleInput(CardVerbs.DoneInputPrefix + i)
        {
            Title = action,
            Value = deal.DoneActions.Contains(action) ? "true" : "false",
            ValueOn = "true",
            ValueOff = "false",
            Wrap = true,
        }));

        if (stage.Tools.Count > 0)
        {
            body.Add(Section("Tools"));
            body.Add(new FactSet { Facts = stage.Tools.Select(t => new Fact(ToolKindName(t.Kind), $"{t.Name}: {t.Use}")).ToList() });
        }

        if (stage.FollowUps.Count > 0)
        {
            body.Add(Section("Follow up"));
            body.Add(Text(Bullets(stage.FollowUps)));
        }

        body.Add(Section("Next step"));
        body.Add(new TextInput("nextStep")
        {
            Label = "What will you do next?",
            Placeholder = "e.g. send pricing to the CFO",
            Value = input.NextStep ?? deal.NextStep?.Text,
            MaxLength = DealRules.MaxNextStepLength,
        });
        if (input.NextStepError is not null)
        {
            body.Add(Text(Escape(input.NextStepError), color: TextColor.Attention));
        }

        body.Add(new DateInput("due")
        {
            Label = "By when?",
            Value = ParseInputDate(input.Due) ?? deal.NextStep?.Due,
            Min = today,
        });
        if (input.DueError is not null)
        {
            body.Add(Text(Escape(input.DueError), color: TextColor.Attention));
        }

        return Card(body, Actions(view, activityId, askedReminder));
    }

    /// <param name="askedReminder">
    /// The card of a reminder the rep asked for: it went out once, so its "Remind me again" asks for it again on the day
    /// picked (a snooze would only hold the ladder, and promise a reminder that may not come).
    /// </param>
    private static List<CardAction> Actions(DealView view, string? activityId, bool askedReminder)
    {
        var deal = view.Deal;
        CardActionData Data(string verb) => new() { Verb = verb, DealId = deal.Id, FromStageId = deal.StageId, ClickKey = CardVerbs.ClickKey(activityId, verb) };

        var actions = new List<CardAction> { Execute("Save", Data(CardVerbs.SaveNextStep), ActionStyle.Positive) };
        if (view.Model.NextOpenStage(view.Stage) is { } next)
        {
            actions.Add(Execute($"Move to {next.Name}", Data(CardVerbs.MoveDeal) with { StageId = next.Id }));
        }

        actions.Add(Execute("Won", Data(CardVerbs.CloseWon)));
        actions.Add(new ShowCardAction
        {
            Title = askedReminder ? "Remind me again" : "Snooze",
            Card = new AdaptiveCard
            {
                Body =
                [
                    new ChoiceSetInput("snoozeFor")
                    {
                        Label = "Remind me again",
                        Value = "1d",
                        Choices =
                        [
                            new Choice("in 1 day", "1d"),
                            new Choice("in 3 days", "3d"),
                            new Choice("next week", "1w"),
                            new Choice("when the next step is due", "step"),
                            new Choice("on the date below", "date"),
                        ],
                    },
                    new DateInput("snoozeUntil") { Label = "Date" },
                ],
                Actions = [askedReminder ? Execute("Remind me", Data(CardVerbs.RemindAgain)) : Execute("Snooze", Data(CardVerbs.Snooze))],
            },
        });
        actions.Add(new ShowCardAction
        {
            Title = "Lost",
            Card = new AdaptiveCard
            {
                Body = [new TextInput("reason") { Label = "Why was it lost?", Placeholder = "e.g. went with a competitor", MaxLength = DealRules.MaxReasonLength }],
                Actions = [Execute("Close as lost", Data(CardVerbs.CloseLost), ActionStyle.Destructive)],
            },
        });
        return actions;
    }

    private static string TimingText(DealView view, TimeZoneInfo zone)
    {
        if (view.AllowedTime is not { } allowed)
        {
            return Replies.CoreText.TimeInStage(view);
        }

        var runsOut = view.Deal.StageEnteredAt + allowed;
        var when = allowed < TimeSpan.FromDays(1)
            ? ShortDateTime(runsOut, zone)
            : Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(runsOut, zone).DateTime));
        return view.IsOverdue
            ? $"{Replies.CoreText.TimeInStage(view)}: over the allowed time since {when}"
            : $"{Replies.CoreText.TimeInStage(view)}; allowed time runs out {when}";
    }

    internal static TextBlock Section(string title) =>
        new() { Text = title, Weight = FontWeight.Bolder, Spacing = Spacing.Medium };

    internal static string Bullets(IEnumerable<string> items) => string.Join("\n", items.Select(i => "- " + i));

    internal static string ToolKindName(ToolKind kind) => kind switch
    {
        ToolKind.LeadGeneration => "Lead generation",
        ToolKind.DirectMail => "Direct mail",
        ToolKind.Telesales => "Telesales",
        ToolKind.Collateral => "Collateral",
        ToolKind.Presentation => "Presentation",
        ToolKind.Demo => "Demo",
        _ => "Other",
    };
}
