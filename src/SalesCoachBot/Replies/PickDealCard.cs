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
        var buttons = Labels(matches, process).Select((label, i) => (CardAction)Execute(
            label,
            new CardActionData { Verb = CardVerbs.PickDeal, DealId = matches[i].Id, Text = originalText, ClickKey = key })).ToList();
        // Card-level actions rather than an ActionSet: every Teams client (and the Agents Playground) renders those as buttons.
        return Card(
            [
                Text(question ?? $"More than one deal matches \"{Escape(phrase)}\". Which one did you mean?", weight: FontWeight.Bolder),
                Text($"You said: {Escape(originalText)}", subtle: true),
            ],
            buttons);
    }

    /// <summary>
    /// One button title per deal, no two alike: name, stage, amount and close date; where those do not tell deals apart
    /// (a second deal of the same name and figures), the day each was added, then its next step, then the time it was added.
    /// </summary>
    internal static IReadOnlyList<string> Labels(IReadOnlyList<Deal> deals, SalesProcess process)
    {
        var details = deals.Select(d => new List<string?>
        {
            process.ModelOrDefault(d.ModelId).GetStage(d.StageId)?.Name ?? d.StageId,
            d.Amount is { } amount ? UserFormat.Money(amount) : null,
            d.ExpectedClose is { } close ? $"closes {UserFormat.ShortDate(close)}" : null,
        }).ToList();
        string Label(int i) => $"{deals[i].Name} ({string.Join(", ", details[i].OfType<string>())})";
        Func<Deal, string?>[] tellApart =
        [
            d => $"added {UserFormat.ShortDate(DateOnly.FromDateTime(d.CreatedAt.UtcDateTime))}",
            d => d.NextStep is { } step ? $"next: {(step.Text.Length > 40 ? step.Text[..40] + "…" : step.Text)}" : "no next step",
            d => $"added {d.CreatedAt.UtcDateTime.ToString("d MMM HH:mm:ss", UserFormat.Culture)} UTC",
        ];
        foreach (var extra in tellApart)
        {
            var alike = Enumerable.Range(0, deals.Count).GroupBy(i => Label(i), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
            if (alike.Count == 0)
            {
                break;
            }

            // Only where it tells them apart: a detail every deal of the group shares adds nothing.
            var values = alike.Select(i => extra(deals[i])).ToList();
            if (values.Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            {
                foreach (var i in alike)
                {
                    details[i].Add(extra(deals[i]));
                }
            }
        }

        return Enumerable.Range(0, deals.Count).Select(Label).ToList();
    }
}
