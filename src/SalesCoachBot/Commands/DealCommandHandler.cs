using Microsoft.Extensions.Logging;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Commands;

/// <summary>Creates and changes the rep's deals. Every change is a pure rule applied through <see cref="DealUpdater"/>.</summary>
public sealed class DealCommandHandler(DealUpdater updater, DealResolver resolver, CoachingCommandHandler coaching, ILogger<DealCommandHandler> logger)
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
            return BotReply.Plain(Replies.CoreText.Refusal(change.Refusal!));
        }

        var outcome = await updater.CreateAsync(change.Deal, cancellationToken).ConfigureAwait(false);
        var deal = outcome.Deal ?? change.Deal;
        logger.LogInformation("Deal {DealId} created in model {Model} ({Status})", deal.Id, model.Id, outcome.Status);
        var stage = model.GetStage(deal.StageId) ?? model.FirstStage;

        // A deal entering a stage gets that stage's coaching card.
        return CoachingCommandHandler.Coach(deal, context, $"Created {deal.Name} ({model.Name}), now in {stage.Name}.");
    }

    public async Task<BotReply> HandleAsync(Command command, CommandContext context, string text, string? chosenDealId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var phrase = command switch
        {
            CoachDeal c => c.DealPhrase,
            MoveDeal c => c.DealPhrase,
            AdvanceDeal c => c.DealPhrase,
            SetNextStep c => c.DealPhrase,
            SetAmount c => c.DealPhrase,
            SetCloseDate c => c.DealPhrase,
            CloseDeal c => c.DealPhrase,
            _ => throw new ArgumentException($"{command.GetType().Name} is not a deal change.", nameof(command)),
        };

        var resolution = await resolver.ResolveAsync(context, phrase, text, chosenDealId, includeClosed: false, cancellationToken).ConfigureAwait(false);
        if (resolution.Deal is not { } deal)
        {
            return resolution.Reply!;
        }

        var model = context.Process.ModelOrDefault(deal.ModelId);
        switch (command)
        {
            case CoachDeal:
                return CoachingCommandHandler.Coach(deal, context, headline: null);
            case MoveDeal move:
                var (target, stageReply) = ResolveStage(model, move.StagePhrase, deal);
                return target is null
                    ? stageReply!
                    : await coaching.RequestMoveAsync(deal, target, move.Confirmation, context, cancellationToken).ConfigureAwait(false);
            case CloseDeal { Won: true }:
                // The process loader guarantees every model one won stage.
                return await coaching.RequestMoveAsync(deal, model.ClosingStage(StageOutcome.Won)!, ExitConfirmation.Ask, context, cancellationToken).ConfigureAwait(false);
            case AdvanceDeal advance:
                var current = model.GetStage(deal.StageId) ?? model.FirstStage;
                return model.NextOpenStage(current) is { } next
                    ? await coaching.RequestMoveAsync(deal, next, advance.Confirmation, context, cancellationToken).ConfigureAwait(false)
                    : BotReply.Plain($"{deal.Name} is in {current.Name}, the last open stage. Say \"{deal.Name} won\" or \"{deal.Name} lost\" to close it.");
        }

        string? headline = null;
        var outcome = await updater.UpdateAsync(deal.Owner, deal.Id, context.Actor.ActivityId, current =>
        {
            var (change, text) = Apply(command, current, model, context);
            headline = text;
            return change;
        }, cancellationToken).ConfigureAwait(false);

        return outcome.Status switch
        {
            UpdateStatus.Applied => PipelineCommandHandler.Show(outcome.Deal!, context, headline),
            UpdateStatus.AlreadyApplied => PipelineCommandHandler.Show(outcome.Deal!, context, "Already done: that change was applied before."),
            UpdateStatus.Refused => BotReply.Plain(Replies.CoreText.Refusal(outcome.Refusal!)),
            _ => BotReply.Plain($"{deal.Name} is no longer in your pipeline."),
        };
    }

    private static (DealChange Change, string Headline) Apply(Command command, Deal deal, SellingModel model, CommandContext context)
    {
        var now = context.Now;
        var actor = context.Actor;
        switch (command)
        {
            case SetNextStep step:
                var due = step.Due is { } d ? $", due {Cards.CardParts.ShortDate(d)}" : string.Empty;
                return (DealRules.SetNextStep(deal, step.Text, step.Due, context.Today, now, actor), $"Next step for {deal.Name}: {step.Text}{due}.");
            case SetAmount amount:
                return (DealRules.SetAmount(deal, amount.Amount, now, actor), $"{deal.Name} is now {amount.Amount.Format()}.");
            case SetCloseDate close:
                return (DealRules.SetExpectedClose(deal, close.Date, context.Today, now, actor), $"{deal.Name} is expected to close on {Cards.CardParts.Date(close.Date)}.");
            case CloseDeal lost:
                var reason = lost.Reason is null ? string.Empty : $" Reason: {lost.Reason}.";
                return (DealRules.Close(deal, model, won: false, lost.Reason, now, actor), $"{deal.Name} is closed as lost.{reason}");
            default:
                throw new ArgumentException($"{command.GetType().Name} is not a deal change.", nameof(command));
        }
    }

    private static (Stage? Stage, BotReply? Reply) ResolveStage(SellingModel model, string phrase, Deal deal)
    {
        var stages = model.FindStages(phrase);
        var names = string.Join(", ", model.Stages.Select(s => s.Name));
        return stages.Count switch
        {
            1 => (stages[0], null),
            0 => (null, BotReply.Plain($"\"{phrase}\" is not a stage of the {model.Name} process that {deal.Name} follows. Its stages are: {names}.")),
            _ => (null, BotReply.Plain($"\"{phrase}\" could mean {string.Join(" or ", stages.Select(s => s.Name))}. Say the stage's full name.")),
        };
    }
}
