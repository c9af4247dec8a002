using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Replies;

/// <summary>The deal a card button is about, read for the user who clicked: never another rep's deal.</summary>
public static class ClickedDeal
{
    /// <summary>The clicked deal, or the reply that says it is not the user's (also the answer to a forged id).</summary>
    public static async Task<(Deal? Deal, BotReply? NotFound)> LoadAsync(IDealStore store, CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var deal = action.DealId is null ? null : await store.GetAsync(context.Owner, action.DealId, cancellationToken).ConfigureAwait(false);
        return deal is null
            ? (null, new BotReply("That deal is not in your pipeline.", [], ReplacesCard: true))
            : (deal, null);
    }

    /// <summary>
    /// A button of an older card: the deal has moved on since the card was drawn, so its question no longer applies.
    /// Answers with the deal's current card instead; null when the card is current.
    /// </summary>
    public static BotReply? StaleCard(Deal deal, CardActionData action, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        if (action.FromStageId is not { } cardStage || cardStage == deal.StageId)
        {
            return null;
        }

        var model = context.Process.ModelOrDefault(deal.ModelId);
        var was = model.GetStage(cardStage)?.Name ?? cardStage;
        var now = model.GetStage(deal.StageId)?.Name ?? deal.StageId;
        return deal.IsOpen
            ? DealReplies.Coaching(deal, context, headline: null, [$"That card was for {was}; {deal.Name} is now in {now}. Here is its current card."]) with { ReplacesCard = true }
            : DealReplies.Deal(deal, context, $"That card is out of date: {deal.Name} is already closed.") with { ReplacesCard = true };
    }
}
