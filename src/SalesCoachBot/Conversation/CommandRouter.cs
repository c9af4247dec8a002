using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Conversation;

/// <summary>
/// Parses the message (or reads the clicked button) and hands it to the one handler the <see cref="DispatchTable"/> names.
/// Two verbs are the router's own, as they only say which message to dispatch: "pick a deal" completes the message that
/// asked "which one?", and "say" sends a suggested message. After the answer it records what "it" means next, when the
/// answer showed another deal than "it" (<see cref="TurnTopic"/>): at most one profile write, and none on most turns.
/// </summary>
public sealed class CommandRouter(
    SalesProcess process,
    TimeProvider time,
    DispatchTable table,
    IUserProfileStore profiles,
    Core.Deals.IDealStore deals,
    RecentActivities recent,
    ILogger<CommandRouter> logger) : ICommandRouter
{
    public async Task<BotReply> HandleAsync(ChatInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        BotReply reply;
        CommandContext context;
        if (input.Action is { } action)
        {
            // The click's key (derived from the activity that made the card) stands in for the activity id, so a second
            // click on the same button, or on another button of the same card, is recognised as the same change: the deal
            // it changed holds the key (written with the change, in one conditional save).
            context = CommandContext.For(input, action.ClickKey ?? input.ActivityId, time, process);
            reply = await HandleClickAsync(input, action, context, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            context = CommandContext.For(input, input.ActivityId, time, process);
            reply = await HandleTextAsync(input.Text, context, cancellationToken).ConfigureAwait(false);
        }

        if (!reply.IsRepeat)
        {
            await RecordTopicAsync(context, reply, cancellationToken).ConfigureAwait(false);
        }

        return reply;
    }

    private async Task<BotReply> HandleTextAsync(string text, CommandContext context, CancellationToken cancellationToken)
    {
        var command = CommandParser.Parse(text, new ParseContext(context.Today, process));
        if (command is AskInsight { OrDealPhrase: { } dealPhrase })
        {
            // "how is contoso?" is a deal view when Contoso is one of the asker's deals (open or closed); otherwise, as
            // "how's dana", a question about a person. Only the name decides: no deal is guessed from a loose match. The
            // resolver takes the deals read here instead of reading them again.
            var owned = await deals.ListAsync(context.Owner, includeClosed: true, cancellationToken).ConfigureAwait(false);
            if (DealNameMatcher.Match(dealPhrase, owned, d => d.Name).Kind != NameMatchKind.None)
            {
                command = new ShowDeal(dealPhrase);
                context = context with { DealsRead = owned };
            }
        }

        logger.LogInformation("Message parsed as {Command}", command.GetType().Name);
        var reply = await table.DispatchAsync(command, context with { Text = text }, cancellationToken).ConfigureAwait(false);
        return reply with { CommandKind = reply.IsRepeat ? reply.CommandKind : command.GetType().Name };
    }

    /// <summary>
    /// A click counts once. On this instance, its key is taken up in memory first, so a second click of the card (or a
    /// second choice on a "which deal?" card), also of a button that changes no deal (a ping), says "already done". On any
    /// instance, a click that changed a deal left its key on the deal, which the resolver and the updater check.
    /// </summary>
    private async Task<BotReply> HandleClickAsync(ChatInput input, CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        var clickKey = action.ClickKey is { } key ? $"click:{key}" : null;
        if (clickKey is not null && !recent.TryTake(input.User.TenantId, clickKey))
        {
            return new BotReply("Already done: that button was used before.", [], ReplacesCard: true) { CommandKind = "card:repeat" };
        }

        try
        {
            return await HandleActionAsync(action, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (clickKey is not null)
        {
            // The click failed (a store that cannot be written just now): the same button may be tried again.
            recent.Release(input.User.TenantId, clickKey);
            throw;
        }
    }

    private async Task<BotReply> HandleActionAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Card action {Verb}", CardVerbs.IsKnown(action.Verb) ? action.Verb : "unknown");
        var reply = action.Verb switch
        {
            CardVerbs.PickDeal when action.DealId is not null && action.Text is not null =>
                await HandleTextAsync(action.Text, context with { ChosenDealId = action.DealId }, cancellationToken).ConfigureAwait(false) with { ReplacesCard = true },
            CardVerbs.Say when !string.IsNullOrWhiteSpace(action.Text) =>
                await HandleTextAsync(action.Text, context, cancellationToken).ConfigureAwait(false),
            _ => await table.DispatchAsync(action, context, cancellationToken).ConfigureAwait(false),
        };
        return reply with { CommandKind = reply.IsRepeat ? reply.CommandKind : CardVerbs.IsKnown(action.Verb) ? $"card:{action.Verb}" : "card:unknown" };
    }

    /// <summary>
    /// Writes "it" on the profile when the answer showed one of the rep's deals that is not "it" yet. Best effort: a store
    /// that cannot be written just now must not cost the user the answer to a question.
    /// </summary>
    private async Task RecordTopicAsync(CommandContext context, BotReply reply, CancellationToken cancellationToken)
    {
        if ((reply.About ?? context.Topic.Resolved) is not { } deal
            || deal.Owner != context.Owner
            || !context.Topic.MustRecord(context.Profile, deal, context.Actor.ActivityId, context.Now))
        {
            return;
        }

        try
        {
            var noted = context.Profile is { ETag: not null } read
                && await profiles.SaveAsync(read with { LastDealId = deal.Id, LastDealAt = context.Now }, read.ETag, cancellationToken).ConfigureAwait(false);
            if (!noted)
            {
                // The profile changed since the turn read it, or its version is not known (the turn wrote it at the edge): the
                // rare path reads it again.
                await profiles.UpdateAsync(context.Owner, p => p is null ? null : p with { LastDealId = deal.Id, LastDealAt = context.Now }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not record deal {DealId} as what \"it\" means for {UserId}; the answer stands", deal.Id, context.Owner.UserId);
        }
    }
}
