using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Coaching;
using SalesCoachBot.Core.Deals;
using static SalesCoachBot.Replies.CardParts;
using SalesCoachBot.Conversation;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Deals;

/// <summary>Asks the rep to confirm the exit criteria met before a deal moves forward; names skipped stages.</summary>
public static class ExitCheckCard
{
    public static string Summary(Deal deal, ExitCheck check)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(check);
        var skipped = check.Skipped.Count > 0 ? $" (skipping {string.Join(", ", check.Skipped.Select(s => s.Name))})" : string.Empty;
        return $"Before {deal.Name} moves to {check.To.Name}{skipped}, confirm its exit criteria:\n"
            + string.Join("\n", check.Criteria.Select(c => $"- {c.Text}"))
            + $"\nWhen all are met, say \"move {deal.Name} to {check.To.Name}, confirmed\".";
    }

    /// <param name="confirmed">Criteria already ticked (kept when the card comes back with an error).</param>
    /// <param name="error">Why the move was refused, shown under the criteria.</param>
    public static AdaptiveCard Build(Deal deal, ExitCheck check, IReadOnlySet<string> confirmed, string? error, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(confirmed);
        var body = new List<CardElement>
        {
            Heading($"Move {Escape(deal.Name)} to {check.To.Name}?"),
            Text($"Tick the exit criteria that are met. {RuleText(check)}", subtle: true),
        };
        if (check.Skipped.Count > 0)
        {
            body.Add(Banner($"This skips {string.Join(", ", check.Skipped.Select(s => s.Name))}: their exit criteria are listed too.", ContainerStyle.Warning));
        }

        foreach (var group in check.Criteria.GroupBy(c => c.Stage))
        {
            body.Add(CoachingCard.Section($"{group.Key.Name}{(group.Key.BlockOnUnmetCriteria ? " (required)" : string.Empty)}"));
            body.AddRange(group.Select(c => (CardElement)new ToggleInput(CardVerbs.CriterionInputPrefix + c.Id)
            {
                Title = c.Text,
                Value = confirmed.Contains(c.Id) ? "true" : "false",
                ValueOn = "true",
                ValueOff = "false",
                Wrap = true,
            }));
        }

        if (error is not null)
        {
            body.Add(Text(Escape(error), color: TextColor.Attention, weight: FontWeight.Bolder));
        }

        CardActionData Data(string verb) => new() { Verb = verb, DealId = deal.Id, StageId = check.To.Id, FromStageId = check.From.Id, ClickKey = CardVerbs.ClickKey(activityId, verb) };
        return Card(
            body,
            [
                Execute($"Move to {check.To.Name}", Data(CardVerbs.ConfirmMove), ActionStyle.Positive),
                Execute($"Not yet: coach me on {check.From.Name}", Data(CardVerbs.Coach) with { StageId = null }),
            ]);
    }

    private static string RuleText(ExitCheck check) =>
        check.AnyBlocks
            ? "Stages marked required need every criterion before the deal moves on; the others only warn."
            : "Unmet criteria don't block the move, but they are noted on the deal.";
}
