using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Deals;

/// <summary>Creates the rep's deals and changes their fields (stages and closing: <see cref="DealStageHandler"/>). Every change is a pure rule applied through <see cref="DealUpdater"/>.</summary>
public sealed class DealCommandHandler(DealUpdater updater, DealResolver resolver, ILogger<DealCommandHandler> logger)
{
    public async Task<BotReply> CreateAsync(CreateDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Process.FindModel(command.ModelId) ?? context.Process.DefaultModel;
        var change = DealRules.Create(context.Owner, command.Name, command.Amount, model, context.Now, context.Actor);
        if (change.Deal is not null && command.ExpectedClose is { } close)
        {
            change = DealRules.SetExpectedClose(change.Deal, close, context.Today, context.Now, context.Actor);
        }

        if (change.Deal is null)
        {
            return BotReply.Plain(change.Refusal!);
        }

        var outcome = await updater.CreateAsync(change.Deal, cancellationToken).ConfigureAwait(false);
        var deal = outcome.Deal ?? change.Deal;
        logger.LogInformation("Deal {DealId} created in model {Model} ({Status})", deal.Id, model.Id, outcome.Status);
        var stage = model.GetStage(deal.StageId) ?? model.FirstStage;

        // A deal entering a stage gets that stage's coaching card.
        return DealReplies.Coaching(deal, context, $"Created {deal.Name} ({model.Name}), now in {stage.Name}.");
    }

    /// <summary>The "create it" button of a "couldn't find that deal" card.</summary>
    public async Task<BotReply> CreateClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (string.IsNullOrWhiteSpace(action.Name))
        {
            return new BotReply(BotReply.UnrecognisedButton, [], ReplacesCard: true);
        }

        var created = await CreateAsync(new CreateDeal(action.Name, null, null), context, cancellationToken).ConfigureAwait(false);
        return created with { ReplacesCard = true };
    }

    public Task<BotReply> SetNextStepAsync(SetNextStep command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeAsync(command.DealPhrase, context, (deal, _) =>
        {
            var due = command.Due is { } d ? $", due {UserFormat.ShortDate(d)}" : string.Empty;
            return (DealRules.SetNextStep(deal, command.Text, command.Due, context.Today, context.Now, context.Actor), $"Next step for {deal.Name}: {command.Text}{due}.");
        }, cancellationToken);
    }

    public Task<BotReply> SetAmountAsync(SetAmount command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeAsync(command.DealPhrase, context, (deal, _) =>
            (DealRules.SetAmount(deal, command.Amount, context.Now, context.Actor), $"{deal.Name} is now {UserFormat.Money(command.Amount)}."), cancellationToken);
    }

    public Task<BotReply> SetCloseDateAsync(SetCloseDate command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeAsync(command.DealPhrase, context, (deal, _) =>
            (DealRules.SetExpectedClose(deal, command.Date, context.Today, context.Now, context.Actor), $"{deal.Name} is expected to close on {UserFormat.Date(command.Date)}."), cancellationToken);
    }

    /// <summary>Resolves the deal the rep named, applies one pure change to it, and answers with the changed deal's card.</summary>
    private async Task<BotReply> ChangeAsync(
        string dealPhrase, CommandContext context, Func<Deal, SellingModel, (DealChange Change, string Headline)> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var resolution = await resolver.ResolveAsync(context, dealPhrase, includeClosed: false, cancellationToken).ConfigureAwait(false);
        if (resolution.Deal is not { } deal)
        {
            return resolution.Reply!;
        }

        string? headline = null;
        var outcome = await updater.UpdateAsync(deal.Owner, deal.Id, context.Actor.ActivityId, current =>
        {
            var (change, text) = apply(current, context.Process.ModelOrDefault(current.ModelId));
            headline = text;
            return change;
        }, cancellationToken).ConfigureAwait(false);

        return outcome.Status switch
        {
            UpdateStatus.Applied => DealReplies.Deal(outcome.Deal!, context, headline),
            UpdateStatus.NotFound => BotReply.Plain($"{deal.Name} is no longer in your pipeline."),
            _ => DealReplies.NotApplied(outcome, context, "Already done: that change was applied before."),
        };
    }
}
