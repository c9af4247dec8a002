using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Conversation;

/// <summary>
/// Parses the message (or reads the clicked button) and hands it to the one handler the <see cref="DispatchTable"/> names.
/// Two verbs are the router's own, as they only say which message to dispatch: "pick a deal" completes the message that
/// asked "which one?", and "say" sends a suggested message.
/// </summary>
public sealed class CommandRouter(
    SalesProcess process,
    TimeProvider time,
    DispatchTable table,
    Core.Users.IProcessedActivityStore processed,
    Core.Deals.IDealStore deals,
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
        return await HandleTextAsync(input.Text, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BotReply> HandleTextAsync(string text, CommandContext context, CancellationToken cancellationToken)
    {
        var command = CommandParser.Parse(text, new ParseContext(context.Today, process));
        if (command is AskInsight { OrDealPhrase: { } dealPhrase } && await NamesADealAsync(dealPhrase, context, cancellationToken).ConfigureAwait(false))
        {
            command = new ShowDeal(dealPhrase);
        }

        logger.LogInformation("Message parsed as {Command}", command.GetType().Name);
        var reply = await table.DispatchAsync(command, context with { Text = text }, cancellationToken).ConfigureAwait(false);
        return reply with { CommandKind = command.GetType().Name };
    }

    // "how is contoso?" is a deal view when Contoso is one of the asker's deals (open or closed); otherwise, as "how's dana", a
    // question about a person. Only the name decides: no deal is guessed from a loose match it does not make.
    private async Task<bool> NamesADealAsync(string phrase, CommandContext context, CancellationToken cancellationToken)
    {
        var owned = await deals.ListAsync(context.Owner, includeClosed: true, cancellationToken).ConfigureAwait(false);
        return DealNameMatcher.Match(phrase, owned, d => d.Name).Kind != NameMatchKind.None;
    }

    private async Task<BotReply> HandleActionAsync(ChatInput input, CardActionData action, CancellationToken cancellationToken)
    {
        // The click's key (derived from the activity that made the card) stands in for the activity id,
        // so a second click on the same button is recognised as the same change.
        var context = CommandContext.For(input, action.ClickKey ?? input.ActivityId, time, process);
        logger.LogInformation("Card action {Verb}", CardVerbs.IsKnown(action.Verb) ? action.Verb : "unknown");
        if (action.ClickKey is { } key && await processed.IsProcessedAsync(input.User.TenantId, key, cancellationToken).ConfigureAwait(false))
        {
            // The same button (or another button of the same card, e.g. a second deal on a "which one?" card) was used before.
            return new BotReply("Already done: that button was used before.", [], ReplacesCard: true) { CommandKind = "card:repeat" };
        }

        var reply = action.Verb switch
        {
            CardVerbs.PickDeal when action.DealId is not null && action.Text is not null =>
                await HandleTextAsync(action.Text, context with { ChosenDealId = action.DealId }, cancellationToken).ConfigureAwait(false) with { ReplacesCard = true },
            CardVerbs.Say when !string.IsNullOrWhiteSpace(action.Text) =>
                await HandleTextAsync(action.Text, context, cancellationToken).ConfigureAwait(false),
            _ => await table.DispatchAsync(action, context, cancellationToken).ConfigureAwait(false),
        };
        if (action.ClickKey is { } used)
        {
            await processed.MarkProcessedAsync(input.User.TenantId, used, context.Now, cancellationToken).ConfigureAwait(false);
        }

        return reply with { CommandKind = CardVerbs.IsKnown(action.Verb) ? $"card:{action.Verb}" : "card:unknown" };
    }
}
