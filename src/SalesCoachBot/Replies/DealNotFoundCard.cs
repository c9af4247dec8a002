using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Deals;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Replies;

/// <summary>
/// No deal matches: say so, say how to create it, and show what the rep does have. No "create" button: a deal is only
/// created when the rep says so, never from a message that was a change or a question.
/// </summary>
public static class DealNotFoundCard
{
    /// <param name="deals">The rep's deals; only the open ones are listed (a closed or deleted one is not in the pipeline).</param>
    /// <param name="suggestCreate">Whether to say how to add it: not when the message was a question, which is never a creation.</param>
    public static AdaptiveCard Build(string phrase, IReadOnlyList<Deal> deals, bool suggestCreate = true)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var openDeals = deals.Where(d => d.IsOpen).ToList();
        var body = new List<CardElement>
        {
            Text($"I couldn't find a deal called \"{Escape(phrase)}\" in your pipeline.", weight: FontWeight.Bolder),
        };
        body.Add(openDeals.Count == 0
            ? Text("You have no open deals yet.", subtle: true)
            : Text("Your open deals: " + string.Join(", ", openDeals.Take(8).Select(d => Escape(d.Name))) + (openDeals.Count > 8 ? ", …" : "."), subtle: true));

        if (suggestCreate)
        {
            body.Add(Text($"To add it, say \"new deal {Escape(phrase)}\".", subtle: true));
        }

        return Card(body, [Say("My deals", "my deals")]);
    }
}
