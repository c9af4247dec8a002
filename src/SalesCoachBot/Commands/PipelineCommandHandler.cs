using SalesCoachBot.Cards;
using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Commands;

/// <summary>Read-only views of the rep's own deals: the pipeline and one deal's card.</summary>
public sealed class PipelineCommandHandler(IDealStore store, DealResolver resolver)
{
    public async Task<BotReply> ListAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deals = await store.ListAsync(context.Owner, includeClosed: false, cancellationToken).ConfigureAwait(false);
        var views = deals.Select(d => DealView.For(d, context.Process, context.Now, context.Today)).ToList();
        return BotReply.Card(PipelineCard.Summary(views), PipelineCard.Build(views, context.Today));
    }

    public async Task<BotReply> ShowByPhraseAsync(string phrase, CommandContext context, string text, string? chosenDealId, CancellationToken cancellationToken)
    {
        var resolution = await resolver.ResolveAsync(context, phrase, text, chosenDealId, includeClosed: true, cancellationToken).ConfigureAwait(false);
        return resolution.Deal is null ? resolution.Reply! : Show(resolution.Deal, context, headline: null);
    }

    public async Task<BotReply> ShowAsync(string dealId, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deal = await store.GetAsync(context.Owner, dealId, cancellationToken).ConfigureAwait(false);
        return deal is null ? BotReply.Plain("That deal is not in your pipeline.") : Show(deal, context, headline: null);
    }

    public static BotReply Show(Deal deal, CommandContext context, string? headline)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = DealView.For(deal, context.Process, context.Now, context.Today);
        return BotReply.Card(DealCard.Summary(view, headline), DealCard.Build(view, headline, context.Process, context.TimeZone));
    }
}
