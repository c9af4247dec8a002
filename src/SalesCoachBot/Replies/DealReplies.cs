using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Replies;

/// <summary>
/// The replies every feature shows about one deal: its card, and its coaching card. One builder, so a deal looks the
/// same whether the rep asked for it, changed it, was reminded about it or was pinged by their manager.
/// </summary>
public static class DealReplies
{
    /// <summary>The deal's card: what it is, where it stands, its history.</summary>
    public static BotReply Deal(Deal deal, CommandContext context, string? headline)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = DealView.For(deal, context.Process, context.Now, context.Today);
        return BotReply.Card(DealCard.Summary(view, headline), DealCard.Build(view, headline, context.Process, context.TimeZone)) with { About = deal };
    }

    /// <summary>
    /// The coaching card of the deal's current stage: what to do now, the next step, the exit criteria. On the card of a
    /// reminder the rep asked for (<paramref name="askedReminder"/>), "Remind me again" asks for it again instead of a snooze.
    /// </summary>
    public static BotReply Coaching(Deal deal, CommandContext context, string? headline, IReadOnlyList<string>? warnings = null, CoachingInput? input = null, bool askedReminder = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = DealView.For(deal, context.Process, context.Now, context.Today);
        var summary = CoachingCard.Summary(view, headline) + (warnings is { Count: > 0 } ? "\n" + string.Join("\n", warnings) : string.Empty);
        return BotReply.Card(summary, CoachingCard.Build(view, headline, warnings ?? [], context.TimeZone, context.Today, context.TurnActivityId, input, askedReminder)) with { About = deal };
    }

    /// <summary>
    /// What a change that was not applied says: already done (nothing at all for a Teams retry of the same message, see
    /// <see cref="BotReply.AlreadyDone"/>), refused (and why), or the deal is gone.
    /// </summary>
    public static BotReply NotApplied(UpdateOutcome outcome, CommandContext context, string alreadyDone = "Already done: that button was used before.")
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            UpdateStatus.AlreadyApplied => BotReply.AlreadyDone(context, () => Deal(outcome.Deal!, context, alreadyDone)),
            UpdateStatus.Refused => BotReply.Plain(CoreText.Refusal(outcome.Refusal!)),
            _ => BotReply.Plain("That deal is not in your pipeline."),
        };
    }
}
