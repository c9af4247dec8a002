using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Replies;

/// <summary>A deal phrase resolved against the rep's own deals: the deal, or the reply that asks which / offers to create.</summary>
public sealed record DealResolution(Deal? Deal, BotReply? Reply);

/// <summary>Finds the deal a rep means. Only ever looks at that rep's deals.</summary>
public sealed class DealResolver(IDealStore store)
{
    /// <summary>
    /// The deal <paramref name="phrase"/> names among the rep's deals. A deal already picked on a choice card
    /// (<see cref="CommandContext.ChosenDealId"/>) is taken as is; a choice card completes <see cref="CommandContext.Text"/>.
    /// </summary>
    public async Task<DealResolution> ResolveAsync(CommandContext context, string phrase, bool includeClosed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // One read serves both the deals a command may act on and the closed ones it must recognise.
        var all = await store.ListAsync(context.Owner, includeClosed: true, cancellationToken).ConfigureAwait(false);
        var deals = includeClosed ? all : all.Where(d => d.IsOpen).ToList();
        if (context.ChosenDealId is { } chosenDealId)
        {
            var chosen = deals.FirstOrDefault(d => d.Id == chosenDealId);
            return chosen is null
                ? new DealResolution(null, BotReply.Plain("That deal is no longer in your pipeline."))
                : new DealResolution(chosen, null);
        }

        var match = DealNameMatcher.Match(phrase, deals, d => d.Name);
        if (!includeClosed)
        {
            // A closed deal is still the rep's: when the name points at it, say it is closed rather than change
            // another deal that only matches loosely.
            var overAll = DealNameMatcher.Match(phrase, all, d => d.Name);
            if (overAll.Kind == NameMatchKind.Unique && !overAll.Matches[0].IsOpen)
            {
                var closed = overAll.Matches[0];
                return new DealResolution(null, BotReply.Plain($"{closed.Name} is already closed ({closed.Status.ToString().ToLowerInvariant()})."));
            }
        }

        return match.Kind switch
        {
            NameMatchKind.Unique => new DealResolution(match.Matches[0], null),
            NameMatchKind.Ambiguous => new DealResolution(null, BotReply.Card(
                $"More than one deal matches \"{phrase}\": {string.Join(", ", match.Matches.Select(d => d.Name))}. Which one did you mean?",
                PickDealCard.Build(phrase, match.Matches, context.Text, context.TurnActivityId, context.Process))),
            _ => new DealResolution(null, BotReply.Card(
                $"I couldn't find a deal called \"{phrase}\" in your pipeline. Say \"new deal {phrase}\" to create it, or \"my deals\" to see them.",
                DealNotFoundCard.Build(phrase, deals, context.TurnActivityId))),
        };
    }
}
