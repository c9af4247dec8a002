using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Deals;
using static SalesCoachBot.Replies.CardParts;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Replies;

/// <summary>No deal matches: say so, offer to create it, and show what the rep does have.</summary>
public static class DealNotFoundCard
{
    public static AdaptiveCard Build(string phrase, IReadOnlyList<Deal> openDeals, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(openDeals);
        var body = new List<CardElement>
        {
            Text($"I couldn't find a deal called \"{Escape(phrase)}\" in your pipeline.", weight: FontWeight.Bolder),
        };
        body.Add(openDeals.Count == 0
            ? Text("You have no open deals yet.", subtle: true)
            : Text("Your open deals: " + string.Join(", ", openDeals.Take(8).Select(d => Escape(d.Name))) + (openDeals.Count > 8 ? ", …" : "."), subtle: true));

        var create = Execute(
            $"Create \"{phrase}\"",
            new CardActionData { Verb = CardVerbs.CreateDeal, Name = phrase, ClickKey = CardVerbs.ClickKey(activityId, CardVerbs.CreateDeal) },
            ActionStyle.Positive);
        return Card(body, [create, Say("My deals", "my deals")]);
    }
}
