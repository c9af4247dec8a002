using SalesCoachBot.Cards.Model;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Deals;

/// <summary>
/// "new deal Contoso Pharma 10k" while an open "Contoso Pharma" exists, or "new deal Woodgrove 5k" while "Woodgrove Bank
/// rollout" is (a name the deal-name matcher would take for it): nothing is created until the rep says whether the
/// message was about the deal they have (its fields go on it) or a second deal.
/// </summary>
public static class DuplicateDealCard
{
    public static string Summary(Deal existing, string newName)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return $"You already have an open deal called {existing.Name}, which \"{newName}\" would also name. Update it with what you said, or create \"{newName}\" as a second deal?";
    }

    /// <param name="message">The message that asked for the new deal: the buttons carry it, and it is read again when one is clicked.</param>
    public static AdaptiveCard Build(DealView existing, string message, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var deal = existing.Deal;
        var facts = string.Join(" · ", new[]
        {
            existing.Stage.Name,
            deal.Amount is { } amount ? Replies.UserFormat.Money(amount) : null,
            deal.ExpectedClose is { } close ? $"closes {Replies.UserFormat.ShortDate(close)}" : null,
        }.Where(f => f is not null));
        CardActionData Data(string verb) => new() { Verb = verb, DealId = deal.Id, Text = message, ClickKey = CardVerbs.ClickKey(activityId, verb) };
        return Card(
            [
                Heading($"You already have {Escape(deal.Name)}"),
                Text(Escape(facts), subtle: true),
                Text("Nothing was created. Was your message about this deal, or is it a second one with a name like it?"),
            ],
            [
                // Titles are plain text (no markdown), so they hold no user text to escape.
                Execute("Update this deal", Data(CardVerbs.UpdateExisting), ActionStyle.Positive),
                Execute("Create a second one", Data(CardVerbs.CreateAnyway)),
            ]);
    }
}
