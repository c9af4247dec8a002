using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Deals;

/// <summary>Read-only views of the rep's own deals: the pipeline and one deal's card.</summary>
public sealed class PipelineCommandHandler(IDealStore store, DealResolver resolver)
{
    public async Task<BotReply> ListAsync(ListDeals command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var deals = await store.ListAsync(context.Owner, includeClosed: false, cancellationToken).ConfigureAwait(false);
        var views = deals.Select(d => DealView.For(d, context.Process, context.Now, context.Today)).ToList();
        return BotReply.Card(PipelineCard.Summary(views, command.Page), PipelineCard.Build(views, context.Today, command.Page));
    }

    public async Task<BotReply> ShowAsync(ShowDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var resolution = await resolver.ResolveAsync(context, command.DealPhrase, includeClosed: true, cancellationToken).ConfigureAwait(false);
        return resolution.Deal is null ? resolution.Reply! : DealReplies.Deal(resolution.Deal, context, headline: null);
    }

    /// <summary>The "open" button of a pipeline or stalled-deals row.</summary>
    public async Task<BotReply> ShowClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        if (action.DealId is null)
        {
            return new BotReply(BotReply.UnrecognisedButton, [], ReplacesCard: true);
        }

        var deal = await store.GetAsync(context.Owner, action.DealId, cancellationToken).ConfigureAwait(false);
        return deal is null ? BotReply.Plain("That deal is not in your pipeline.") : DealReplies.Deal(deal, context, headline: null);
    }
}
