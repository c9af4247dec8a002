using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using static SalesCoachBot.Replies.CardParts;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Replies;

/// <summary>Asks which deal the rep meant when a name matches several, instead of guessing.</summary>
public static class PickDealCard
{
    /// <param name="question">What the card asks; by default, which of the deals matching <paramref name="phrase"/> was meant.</param>
    public static AdaptiveCard Build(string phrase, IReadOnlyList<Deal> matches, string originalText, string? activityId, SalesProcess process, string? question = null)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(process);

        // One key for every button of this card: whichever is clicked first is applied once.
        var key = CardVerbs.ClickKey(activityId, CardVerbs.PickDeal);
        var buttons = matches.Select(d =>
        {
            // Deals with the same name still get buttons that differ: stage, amount, close date.
            var stage = process.ModelOrDefault(d.ModelId).GetStage(d.StageId)?.Name ?? d.StageId;
            var details = new[] { stage, d.Amount is { } amount ? UserFormat.Money(amount) : null, d.ExpectedClose is { } close ? $"closes {UserFormat.ShortDate(close)}" : null };
            return (CardAction)Execute(
                $"{d.Name} ({string.Join(", ", details.OfType<string>())})",
                new CardActionData { Verb = CardVerbs.PickDeal, DealId = d.Id, Text = originalText, ClickKey = key });
        }).ToList();
        // Card-level actions rather than an ActionSet: every Teams client (and the Agents Playground) renders those as buttons.
        return Card(
            [
                Text(question ?? $"More than one deal matches \"{Escape(phrase)}\". Which one did you mean?", weight: FontWeight.Bolder),
                Text($"You said: {Escape(originalText)}", subtle: true),
            ],
            buttons);
    }
}
