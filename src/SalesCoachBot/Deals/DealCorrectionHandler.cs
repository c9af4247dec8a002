using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Deals;

/// <summary>Fixing a deal the rep got wrong: undo, reopen it, rename it, put it on another selling model or customer type, delete it.</summary>
public sealed class DealCorrectionHandler(IDealStore store, DealUpdater updater, DealResolver resolver, ILogger<DealCorrectionHandler> logger)
{
    public async Task<BotReply> ReopenAsync(ReopenDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var resolution = await resolver.ResolveAsync(context, command.DealPhrase, includeClosed: true, cancellationToken).ConfigureAwait(false);
        if (resolution.Deal is not { } deal)
        {
            return resolution.Reply!;
        }

        return await ApplyAsync(deal, context, current =>
        {
            var change = DealRules.Reopen(current, context.Process.ModelOrDefault(current.ModelId), context.Now, context.Actor);
            return (change, change.Deal is { } open ? $"Reopened {open.Name}, back in {context.Process.ModelOrDefault(open.ModelId).GetStage(open.StageId)?.Name}." : string.Empty);
        }, coach: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BotReply> RenameAsync(RenameDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var resolution = await resolver.ResolveAsync(context, command.DealPhrase, includeClosed: false, cancellationToken).ConfigureAwait(false);
        if (resolution.Deal is not { } deal)
        {
            return resolution.Reply!;
        }

        // A name no deal may have gets the answer a new deal of that name gets, before anything else is looked at.
        var newName = DealRules.CleanText(command.NewName);
        if (DealRules.NameRefusal(newName) is { } badName)
        {
            return BotReply.Plain(CoreText.Refusal(badName));
        }

        // "rename fabrikam to Fabrikam Retail" while another "Fabrikam Retail" is open: two deals answering to one name send
        // later messages to a "which one?" card, so the rep is asked first (rename anyway, keep the name, or another name).
        // The deal's own name and closed deals' names are no collision: OpenTwin looks at the other open deals only.
        var open = context.DealsRead?.Where(d => d.IsOpen).ToList() ?? await store.ListAsync(context.Owner, includeClosed: false, cancellationToken).ConfigureAwait(false);
        if (DealResolver.OpenTwin(open, newName, exceptDealId: deal.Id) is { } twin)
        {
            logger.LogInformation("Rename of deal {DealId} to a name deal {TwinId} answers to: asking first", deal.Id, twin.Id);
            return RenameCollision(deal, twin, newName, context);
        }

        return await ApplyAsync(deal, context, current =>
            (DealRules.Rename(current, newName, context.Now, context.Actor), $"Renamed {current.Name} to {newName}."), coach: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>[Rename anyway] on the rename card: the name as asked, though another open deal answers to it too.</summary>
    public async Task<BotReply> RenameAnywayClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var (deal, refused) = await RenameCardDealAsync(action, context, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            return refused!;
        }

        var newName = DealRules.CleanText(action.NewName!);
        logger.LogInformation("Rename anyway of deal {DealId} onto a name another open deal answers to", deal.Id);
        var reply = await ApplyAsync(deal, context, current =>
            (DealRules.Rename(current, newName, context.Now, context.Actor),
                $"Renamed {current.Name} to {newName}. Another open deal answers to that name too: when a message could mean either, I'll ask which one. Say \"undo\" to put the name back."),
            coach: false, cancellationToken).ConfigureAwait(false);
        return reply with { ReplacesCard = true };
    }

    /// <summary>[Keep the name "X"] on the rename card: nothing changes, and the card says so.</summary>
    public async Task<BotReply> KeepNameClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (deal, notFound) = await ClickedDeal.LoadAsync(store, action, context, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            return notFound!;
        }

        // After [Rename anyway] (or a rename since), the name on the card is no longer the deal's: say what it is called.
        return action.FromName is { } shown && deal.Name != shown
            ? new BotReply($"That card is out of date: the deal is called {deal.Name} now (say \"rename {deal.Name} to {shown}\" to go back).", [], ReplacesCard: true)
            : new BotReply($"Kept the name {deal.Name}; nothing was renamed.", [], ReplacesCard: true);
    }

    /// <summary>
    /// [Use this name] on the rename card: the name typed in its box, under the same rules as any rename. A blank name, one
    /// no deal may have, or one another open deal answers to as well changes nothing: the card comes back saying why, with
    /// fresh buttons, so the rep can try again on it.
    /// </summary>
    public async Task<BotReply> RenameToOtherClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var (deal, refused) = await RenameCardDealAsync(action, context, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            return refused!;
        }

        var asked = DealRules.CleanText(action.NewName!);
        var other = DealRules.CleanText(action.OtherName ?? string.Empty);
        var open = await store.ListAsync(context.Owner, includeClosed: false, cancellationToken).ConfigureAwait(false);
        var problem = other.Length == 0
            ? "Type the other name in the box first; nothing was renamed."
            : DealRules.NameRefusal(other) is { } badName
                ? $"{CoreText.Refusal(badName)} Nothing was renamed."
                : other == deal.Name
                    ? $"{deal.Name} already has that name; nothing was renamed."
                    : null;
        var otherTwin = problem is null ? DealResolver.OpenTwin(open, other, exceptDealId: deal.Id) : null;
        if (problem is not null || otherTwin is not null)
        {
            logger.LogInformation("Other name for deal {DealId} refused: {Reason}", deal.Id, otherTwin is null ? "name rules" : "another open deal answers to it");
            // The card again, with its own new click keys: the refused click changed nothing, so the next one must count.
            var twin = otherTwin ?? DealResolver.OpenTwin(open, asked, exceptDealId: deal.Id);
            var why = problem ?? $"You also have an open deal called {otherTwin!.Name}, which \"{other}\" would name too. Nothing was renamed; try a name that tells them apart.";
            return twin is null
                ? new BotReply($"{why} Say \"rename {deal.Name} to …\" with the name you want.", [], ReplacesCard: true)
                : RenameCollision(deal, twin, otherTwin is null ? asked : other, context, action.OtherName, why) with { ReplacesCard = true };
        }

        var reply = await ApplyAsync(deal, context, current =>
            (DealRules.Rename(current, other, context.Now, context.Actor), $"Renamed {current.Name} to {other}."), coach: false, cancellationToken).ConfigureAwait(false);
        return reply with { ReplacesCard = true };
    }

    private static BotReply RenameCollision(Deal deal, Deal twin, string newName, CommandContext context, string? otherName = null, string? error = null)
    {
        DealResolver.Remember(context, deal);
        return BotReply.Card(
            error ?? RenameCollisionCard.Summary(deal, twin, newName),
            RenameCollisionCard.Build(
                DealView.For(deal, context.Process, context.Now, context.Today),
                DealView.For(twin, context.Process, context.Now, context.Today),
                newName,
                context.TurnActivityId,
                otherName,
                error));
    }

    /// <summary>
    /// The deal a rename card's rename button is about, as long as the card still speaks for it: this click's key already
    /// on it is a repeat (Teams retries, a second click), and a deal renamed, closed or deleted since the card was drawn
    /// gets a clear answer. Either way, nothing changes. A deal is returned only for a card that carries the names
    /// (<see cref="CardActionData.NewName"/> and <see cref="CardActionData.FromName"/> are then set).
    /// </summary>
    private async Task<(Deal? Deal, BotReply? Refused)> RenameCardDealAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(action.NewName) || action.FromName is null)
        {
            return (null, new BotReply(BotReply.UnrecognisedButton, [], ReplacesCard: true));
        }

        var (deal, notFound) = await ClickedDeal.LoadAsync(store, action, context, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            return (null, notFound! with { Text = "That deal is no longer in your pipeline, so nothing was renamed." });
        }

        if (deal.HasApplied(context.Actor.ActivityId))
        {
            return (null, BotReply.AlreadyDone(context, () => new BotReply($"Already done: {deal.Name} was renamed with that button before.", [], ReplacesCard: true)));
        }

        if (deal.Name != action.FromName)
        {
            return (null, new BotReply($"That card is out of date: the deal is called {deal.Name} now, so nothing was renamed.", [], ReplacesCard: true));
        }

        return deal.IsOpen
            ? (deal, null)
            : (null, new BotReply($"That card is out of date: {deal.Name} is closed ({deal.Status.ToString().ToLowerInvariant()}) now, so nothing was renamed.", [], ReplacesCard: true));
    }

    /// <summary>"contoso is enterprise": the deal follows that model; an open deal keeps its place in the stages.</summary>
    public Task<BotReply> ChangeModelAsync(ChangeModel command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Process.FindModel(command.ModelPhrase) is not { } to)
        {
            return Task.FromResult(BotReply.Plain(CoreText.Refusal(Refusal.UnknownModel(command.ModelPhrase))));
        }

        return ResolveAndApplyAsync(command.DealPhrase, context, current =>
        {
            var change = DealRules.ChangeModel(current, context.Process.ModelOrDefault(current.ModelId), to, context.Now, context.Actor);
            return (change, change.Deal is { } moved ? $"{moved.Name} now follows the {to.Name} process, in {to.GetStage(moved.StageId)?.Name}." : string.Empty);
        }, coach: true, cancellationToken);
    }

    /// <summary>"tailspin is a small business". A model the type does not usually buy through is pointed out.</summary>
    public Task<BotReply> SetCustomerTypeAsync(SetCustomerType command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Process.FindCustomerType(command.CustomerTypePhrase) is not { } type)
        {
            return Task.FromResult(BotReply.Plain(CoreText.Refusal(Refusal.UnknownCustomerType(command.CustomerTypePhrase))));
        }

        return ResolveAndApplyAsync(command.DealPhrase, context, current =>
        {
            var model = context.Process.ModelOrDefault(current.ModelId);
            var fit = type.ModelIds.Count == 0 || type.ModelIds.Contains(model.Id)
                ? string.Empty
                : $" Note: {type.Name} deals usually follow the {string.Join(" or ", type.ModelIds.Select(id => context.Process.FindModel(id)?.Name ?? id))} process, and {current.Name} follows {model.Name}.";
            return (DealRules.SetCustomerType(current, type, context.Now, context.Actor), $"{current.Name} is {CoreText.CustomerTypeOf(type)}.{fit}");
        }, coach: false, cancellationToken);
    }

    /// <summary>
    /// "undo": the rep's newest change to any of their deals is put back, within a day; said again, the one before.
    /// "undo tailspin": Tailspin's newest change. A message that says undo and names another deal than the one last changed
    /// ("tailspin wasn't won, undo that") undoes nothing and asks which (a review saw it put back Contoso's amount).
    /// </summary>
    public async Task<BotReply> UndoAsync(Undo command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        Deal? named = null;
        if (command.DealPhrase is { } phrase)
        {
            var resolution = await resolver.ResolveAsync(context, phrase, includeClosed: true, cancellationToken).ConfigureAwait(false);
            if (resolution.Deal is not { } deal)
            {
                return resolution.Reply!;
            }

            named = deal;
        }

        var outcome = await updater.UndoAsync(context.Owner, context.Actor, context.Now, cancellationToken, named?.Id, command.Said).ConfigureAwait(false);
        logger.LogInformation("Undo for {Owner}: {Status}", context.Owner, outcome.Status);
        switch (outcome.Status)
        {
            case UndoStatus.Undone:
                var restored = outcome.After!;
                var headline = CoreText.Undone(outcome.Entry!, outcome.Before!, restored, context.Process, context.TimeZone, named is null ? "undo" : $"undo {restored.Name}");
                if (restored.IsDeleted)
                {
                    return BotReply.Plain(headline);
                }

                return DealReplies.Deal(restored, context, headline);
            case UndoStatus.TooOld:
                return BotReply.Plain(
                    $"Your last change, to {outcome.Before!.Name} on {UserFormat.ShortDateTime(outcome.Entry!.At, context.TimeZone)}, is more than a day old: "
                    + "I only undo changes from the last day. To put it right, say the change again the right way.");
            case UndoStatus.AlreadyApplied:
                return BotReply.AlreadyDone(context, () => BotReply.Plain("Already done: that undo was applied before."));
            case UndoStatus.NamesAnotherDeal:
                var latest = outcome.Before!;
                var first = outcome.Mentioned[0];
                return BotReply.Plain(
                    $"Your last change was to {latest.Name} ({UserFormat.ShortDateTime(outcome.Entry!.At, context.TimeZone)}), and you named {string.Join(" and ", outcome.Mentioned.Select(d => d.Name))}, so I undid nothing. "
                    + $"Say \"undo\" to put back the change to {latest.Name}, or \"undo {first.Name}\" for the last change to {first.Name}.");
            case UndoStatus.ChangedMeanwhile:
                return BotReply.Plain($"{outcome.Before?.Name ?? "That deal"} changed while I was undoing, so nothing was undone. Say \"undo\" again.");
            default:
                return BotReply.Plain(named is null
                    ? "There is nothing to undo: no change of yours from the last day is left to put back."
                    : $"There is nothing to undo on {named.Name}: it has no change I can put back.");
        }
    }

    /// <summary>"delete contoso": asks first, on a card; the delete itself is soft, and undo restores it.</summary>
    public async Task<BotReply> DeleteAsync(DeleteDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var resolution = await resolver.ResolveAsync(context, command.DealPhrase, includeClosed: true, cancellationToken).ConfigureAwait(false);
        return resolution.Deal is { } deal
            ? BotReply.Card(DeleteDealCard.Summary(deal), DeleteDealCard.Build(DealView.For(deal, context.Process, context.Now, context.Today), context.TurnActivityId))
            : resolution.Reply!;
    }

    /// <summary>The confirm card's "delete" button.</summary>
    public async Task<BotReply> DeleteClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (deal, notFound) = await ClickedDeal.LoadAsync(store, action, context, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            return notFound!;
        }

        var outcome = await updater.UpdateAsync(deal, context.Actor.ActivityId, current => DealRules.Delete(current, context.Now, context.Actor), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Deal {DealId} delete: {Status}", deal.Id, outcome.Status);
        return outcome.Status == UpdateStatus.Applied
            ? new BotReply($"Deleted {deal.Name}. Say \"undo\" to bring it back.", [], ReplacesCard: true)
            : DealReplies.NotApplied(outcome, context) with { ReplacesCard = true };
    }

    /// <summary>The confirm card's "keep it" button: nothing changes, and the card says so.</summary>
    public async Task<BotReply> KeepClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        var (deal, notFound) = await ClickedDeal.LoadAsync(store, action, context, cancellationToken).ConfigureAwait(false);
        return deal is null ? notFound! : new BotReply($"Kept {deal.Name}; nothing was deleted.", [], ReplacesCard: true);
    }

    private async Task<BotReply> ResolveAndApplyAsync(
        string dealPhrase, CommandContext context, Func<Deal, (DealChange Change, string Headline)> apply, bool coach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var resolution = await resolver.ResolveAsync(context, dealPhrase, includeClosed: false, cancellationToken).ConfigureAwait(false);
        return resolution.Deal is { } deal
            ? await ApplyAsync(deal, context, apply, coach, cancellationToken).ConfigureAwait(false)
            : resolution.Reply!;
    }

    private async Task<BotReply> ApplyAsync(Deal deal, CommandContext context, Func<Deal, (DealChange Change, string Headline)> apply, bool coach, CancellationToken cancellationToken)
    {
        string? headline = null;
        var outcome = await updater.UpdateAsync(deal, context.Actor.ActivityId, current =>
        {
            var (change, text) = apply(current);
            headline = text;
            return change;
        }, cancellationToken).ConfigureAwait(false);
        return outcome.Status switch
        {
            UpdateStatus.Applied when coach && outcome.Deal!.IsOpen => DealReplies.Coaching(outcome.Deal!, context, headline),
            UpdateStatus.Applied => DealReplies.Deal(outcome.Deal!, context, headline),
            UpdateStatus.NotFound => BotReply.Plain($"{deal.Name} is no longer in your pipeline."),
            _ => DealReplies.NotApplied(outcome, context, "Already done: that change was applied before."),
        };
    }
}
