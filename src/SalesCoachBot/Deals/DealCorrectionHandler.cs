using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Deals;

/// <summary>Fixing a deal the rep got wrong: reopen it, rename it, put it on another selling model or customer type.</summary>
public sealed class DealCorrectionHandler(DealUpdater updater, DealResolver resolver)
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

    public Task<BotReply> RenameAsync(RenameDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ResolveAndApplyAsync(command.DealPhrase, context, current =>
            (DealRules.Rename(current, command.NewName, context.Now, context.Actor), $"Renamed {current.Name} to {command.NewName.Trim()}."), coach: false, cancellationToken);
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
            return (DealRules.SetCustomerType(current, type, context.Now, context.Actor), $"{current.Name} is a {type.Name} customer.{fit}");
        }, coach: false, cancellationToken);
    }

    /// <summary>Undo needs every change to keep what it replaced; until then the bot says how to put a change right.</summary>
    public Task<BotReply> UndoAsync(Undo command, CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(BotReply.Plain(
            "I can't undo yet. To put a change right, say it again the right way: \"move contoso to proposal\", \"reopen contoso\", "
            + "\"rename contoso to Contoso Ltd\", \"contoso 45k\" or \"contoso closes dec 15\"."));

    public Task<BotReply> DeleteAsync(DeleteDeal command, CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(BotReply.Plain(
            "I can't delete deals yet. A deal that is not going ahead can be closed: \"contoso lost, no budget\"; one entered twice can be renamed."));

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
        var outcome = await updater.UpdateAsync(deal.Owner, deal.Id, context.Actor.ActivityId, current =>
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
