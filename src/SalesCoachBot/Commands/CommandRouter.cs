using Microsoft.Extensions.Logging;
using SalesCoachBot.Cards;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Commands;

/// <summary>Parses the message (or reads the clicked button) and hands it to the handler that owns that kind of command.</summary>
public sealed class CommandRouter(
    SalesProcess process,
    TimeProvider time,
    DealCommandHandler deals,
    PipelineCommandHandler pipeline,
    CoachingCommandHandler coaching,
    PlaybookCommandHandler playbook,
    ReminderCommandHandler reminders,
    Core.Users.IProcessedActivityStore processed,
    ILogger<CommandRouter> logger) : ICommandRouter
{
    public async Task<BotReply> HandleAsync(ChatInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Action is { } action)
        {
            return await HandleActionAsync(input, action, cancellationToken).ConfigureAwait(false);
        }

        var context = CommandContext.For(input, input.ActivityId, time, process);
        var command = CommandParser.Parse(input.Text, new ParseContext(context.Today, process));
        logger.LogInformation("Message parsed as {Command}", command.GetType().Name);
        var reply = await DispatchAsync(command, context, input.Text, chosenDealId: null, cancellationToken).ConfigureAwait(false);
        return reply with { CommandKind = command.GetType().Name };
    }

    private async Task<BotReply> HandleActionAsync(ChatInput input, CardActionData action, CancellationToken cancellationToken)
    {
        // The click's key (derived from the activity that made the card) stands in for the activity id,
        // so a second click on the same button is recognised as the same change.
        var context = CommandContext.For(input, action.ClickKey ?? input.ActivityId, time, process);
        logger.LogInformation("Card action {Verb}", action.Verb);
        if (action.ClickKey is { } key && await processed.IsProcessedAsync(input.User.TenantId, key, cancellationToken).ConfigureAwait(false))
        {
            // The same button (or another button of the same card, e.g. a second deal on a "which one?" card) was used before.
            return new BotReply("Already done: that button was used before.", [], ReplacesCard: true) { CommandKind = "card:repeat" };
        }

        var reply = await DispatchActionAsync(input, action, context, cancellationToken).ConfigureAwait(false);
        if (action.ClickKey is { } used)
        {
            await processed.MarkProcessedAsync(input.User.TenantId, used, context.Now, cancellationToken).ConfigureAwait(false);
        }

        return reply with { CommandKind = CardVerbs.IsKnown(action.Verb) ? $"card:{action.Verb}" : "card:unknown" };
    }

    private async Task<BotReply> DispatchActionAsync(ChatInput input, CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        switch (action.Verb)
        {
            case CardVerbs.PickDeal when action.DealId is not null && action.Text is not null:
                var command = CommandParser.Parse(action.Text, new ParseContext(context.Today, process));
                var reply = await DispatchAsync(command, context, action.Text, action.DealId, cancellationToken).ConfigureAwait(false);
                return reply with { ReplacesCard = true };
            case CardVerbs.CreateDeal when !string.IsNullOrWhiteSpace(action.Name):
                var created = await deals.CreateAsync(new CreateDeal(action.Name, null, null), context, cancellationToken).ConfigureAwait(false);
                return created with { ReplacesCard = true };
            case CardVerbs.ShowDeal when action.DealId is not null:
                return await pipeline.ShowAsync(action.DealId, context, cancellationToken).ConfigureAwait(false);
            case CardVerbs.Coach or CardVerbs.SaveNextStep or CardVerbs.MoveDeal or CardVerbs.ConfirmMove or CardVerbs.CloseWon or CardVerbs.CloseLost:
                return await coaching.HandleActionAsync(action, context, cancellationToken).ConfigureAwait(false);
            case CardVerbs.Snooze or CardVerbs.PingRep:
                return await reminders.HandleActionAsync(action, context, cancellationToken).ConfigureAwait(false);
            case CardVerbs.Tour:
                return playbook.TourStep(action.ModelId, action.Index ?? 0, context) with { ReplacesCard = true };
            case CardVerbs.Say when !string.IsNullOrWhiteSpace(action.Text):
                return await HandleAsync(input with { Text = action.Text, Action = null }, cancellationToken).ConfigureAwait(false);
            default:
                logger.LogWarning("Refused card action with verb {Verb}", action.Verb);
                return await coaching.RefuseAsync(
                    action,
                    "That button isn't something I recognise (it may come from an older version of me); nothing was changed.",
                    context,
                    cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<BotReply> DispatchAsync(Command command, CommandContext context, string text, string? chosenDealId, CancellationToken cancellationToken) =>
        command switch
        {
            ShowHelp => Task.FromResult(BotReply.Card(HelpCard.Summary, HelpCard.Build(process))),
            Greet => Task.FromResult(BotReply.Card(WelcomeCard.Summary(context.Actor.UserName), WelcomeCard.Build(context.Actor.UserName, process))),
            ListDeals => pipeline.ListAsync(context, cancellationToken),
            ShowDeal show => pipeline.ShowByPhraseAsync(show.DealPhrase, context, text, chosenDealId, cancellationToken),
            CreateDeal create => deals.CreateAsync(create, context, cancellationToken),
            ExplainProcess explain => Task.FromResult(playbook.ExplainProcess(explain, context)),
            ExplainStage explain => playbook.ExplainStageAsync(explain, context, cancellationToken),
            ExplainTools explain => playbook.ExplainToolsAsync(explain, context, cancellationToken),
            Define define => playbook.DefineAsync(define, context, cancellationToken),
            StartTour tour => Task.FromResult(playbook.StartTour(tour, context)),
            SnoozeDeal snooze => reminders.SnoozeAsync(snooze, context, text, chosenDealId, cancellationToken),
            SetWorkingHours hours => reminders.SetHoursAsync(hours, context, cancellationToken),
            SetTimeZone zone => reminders.SetTimeZoneAsync(zone, context, cancellationToken),
            SetManager manager => reminders.SetManagerAsync(manager, context, cancellationToken),
            ShowStalled => reminders.ShowStalledAsync(context, cancellationToken),
            NotUnderstood notUnderstood => Task.FromResult(NotUnderstoodReply(notUnderstood)),
            _ => deals.HandleAsync(command, context, text, chosenDealId, cancellationToken),
        };

    private static BotReply NotUnderstoodReply(NotUnderstood command) =>
        BotReply.Card(
            command.Hint ?? $"Sorry, I didn't understand \"{command.Text}\". Say \"help\" to see what I can do.",
            NotUnderstoodCard.Build(command.Text, command.Hint));
}
