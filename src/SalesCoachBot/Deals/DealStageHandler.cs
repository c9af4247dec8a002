using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Coaching;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Deals;

/// <summary>
/// Moves deals through the stages and closes them, said in chat or clicked on a card: checks the exit criteria of the
/// stages a move leaves, and answers with the new stage's coaching card (or the closed deal's card).
/// </summary>
public sealed class DealStageHandler(IDealStore store, DealUpdater updater, DealResolver resolver, ILogger<DealStageHandler> logger)
{
    public Task<BotReply> MoveAsync(MoveDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return resolver.OnDealAsync(context, command.DealPhrase, includeClosed: false, async deal =>
        {
            // The facts said with the move ("…, 36k, closes jan 15") are read first, as they would be alone: a refused one
            // stops the move too, and a model said with it is the model whose stage is meant.
            var (withFields, _) = DealFieldChanges.Apply(deal, command.Also, context);
            if (withFields.Deal is not { } after)
            {
                return BotReply.Plain(CoreText.Refusal(withFields.Refusal!));
            }

            var model = context.Process.ModelOrDefault(after.ModelId);
            var (target, stageReply) = ResolveStage(model, command.StagePhrase, after);
            return target is null
                ? stageReply!
                : await RequestMoveAsync(deal, target, command.Confirmation, context, cancellationToken, also: command.Also).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>"advance contoso": to the next open stage of the deal's model.</summary>
    public Task<BotReply> AdvanceAsync(AdvanceDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return resolver.OnDealAsync(context, command.DealPhrase, includeClosed: false, async deal =>
        {
            var model = context.Process.ModelOrDefault(deal.ModelId);
            var current = model.GetStage(deal.StageId) ?? model.FirstStage;
            return model.NextOpenStage(current) is { } next
                ? await RequestMoveAsync(deal, next, command.Confirmation, context, cancellationToken).ConfigureAwait(false)
                : BotReply.Plain($"{deal.Name} is in {current.Name}, the last open stage. Say \"{deal.Name} won\" or \"{deal.Name} lost\" to close it.");
        }, cancellationToken);
    }

    /// <summary>"contoso won", "contoso lost to a competitor".</summary>
    public Task<BotReply> CloseAsync(CloseDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Won && command.Reason is { } lateReason)
        {
            // "relecloud lost reason: chose a competitor" after it was closed: the reason goes on the lost deal (the
            // lost card asks for one), instead of "already closed".
            return resolver.OnDealAsync(context, command.DealPhrase, includeClosed: true, deal => deal.Status == DealStatus.Lost
                ? RecordLostReasonAsync(deal, lateReason, context, cancellationToken)
                : CloseAsync(command with { Reason = lateReason }, deal, context, cancellationToken), cancellationToken);
        }

        return resolver.OnDealAsync(context, command.DealPhrase, includeClosed: false, deal => CloseAsync(command, deal, context, cancellationToken), cancellationToken);
    }

    private async Task<BotReply> RecordLostReasonAsync(Deal deal, string reason, CommandContext context, CancellationToken cancellationToken)
    {
        var outcome = await updater.UpdateAsync(
            deal, context.Actor.ActivityId, current => DealRules.SetLostReason(current, reason, context.Now, context.Actor), cancellationToken).ConfigureAwait(false);
        return outcome.Status == UpdateStatus.Applied
            ? DealReplies.Deal(outcome.Deal!, context, $"Recorded why {deal.Name} was lost: {outcome.Deal!.LostReason}.")
            : DealReplies.NotApplied(outcome, context, "Already done: that change was applied before.");
    }

    private async Task<BotReply> CloseAsync(CloseDeal command, Deal deal, CommandContext context, CancellationToken cancellationToken)
    {
        if (!deal.IsOpen)
        {
            return BotReply.Plain(CoreText.Refusal(Refusal.AlreadyClosed(deal.Name, deal.Status)));
        }

        var model = context.Process.ModelOrDefault(deal.ModelId);
        if (command.Won)
        {
            // The process loader guarantees every model one won stage.
            return await RequestMoveAsync(deal, model.ClosingStage(StageOutcome.Won)!, ExitConfirmation.Ask, context, cancellationToken, command.Amount).ConfigureAwait(false);
        }

        var reason = command.Reason is null
            ? $" Say \"{deal.Name} lost reason: …\" to record why."
            : $" Reason: {command.Reason}.";
        return await CloseLostAsync(deal, command.Reason, $"{deal.Name} is closed as lost.{reason}", "Already done: that change was applied before.", context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The coaching card's "move to …" button.</summary>
    public Task<BotReply> MoveClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken) =>
        OnClickedDealAsync(action, context, (deal, model) => model.GetStage(action.StageId ?? string.Empty) is { } target
            ? RequestMoveAsync(deal, target, ExitConfirmation.Ask, context, cancellationToken)
            : Task.FromResult(StageGone(model)), cancellationToken);

    /// <summary>The exit-check card's "move" button, with the criteria the rep ticked.</summary>
    public Task<BotReply> ConfirmMoveClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken) =>
        OnClickedDealAsync(action, context, (deal, model) => model.GetStage(action.StageId ?? string.Empty) is { } target
            ? ConfirmMoveAsync(deal, model, target, action, context, cancellationToken)
            : Task.FromResult(StageGone(model)), cancellationToken);

    public Task<BotReply> WonClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken) =>
        OnClickedDealAsync(action, context, (deal, model) => model.ClosingStage(StageOutcome.Won) is { } won
            ? RequestMoveAsync(deal, won, ExitConfirmation.Ask, context, cancellationToken)
            : Task.FromResult(StageGone(model)), cancellationToken);

    /// <summary>The "lost" form: lost never needs an exit check.</summary>
    public Task<BotReply> LostClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken) =>
        OnClickedDealAsync(action, context, (deal, _) => CloseLostAsync(
            deal,
            string.IsNullOrWhiteSpace(action.Reason) ? null : action.Reason,
            $"{deal.Name} is closed as lost.",
            "Already done: that button was used before.",
            context,
            cancellationToken), cancellationToken);

    /// <summary>
    /// A move the rep reports is a fact, applied in this turn: the coaching of the new stage follows, with the exit
    /// criteria not confirmed on the way to tick later. Only where a stage being left or skipped blocks on unmet criteria
    /// (<c>blockOnUnmetCriteria</c>) does the check card ask first, and then only ticking every blocking criterion moves
    /// the deal: no wording ("confirmed", "anyway") skips it. A win or a loss always applies at once.
    /// </summary>
    /// <remarks>
    /// Facts said with the move (<paramref name="also"/>: "move northwind to discovery, 36k, closes jan 15") are saved in
    /// the same change as the move. Where the move must wait for the check card, they are saved now on their own and the
    /// reply says so: what the rep reported is kept, and only the move waits.
    /// </remarks>
    /// <param name="finalAmount">"closed globex for 52k": the amount the deal closed at, recorded with the close.</param>
    private async Task<BotReply> RequestMoveAsync(
        Deal deal, Stage target, ExitConfirmation confirmation, CommandContext context, CancellationToken cancellationToken, Money? finalAmount = null, DealFields? also = null)
    {
        also ??= DealFields.None;
        // The check is of the deal as the facts leave it: a model said with the move is the model whose stages count.
        var withFacts = DealFieldChanges.Apply(deal, also, context).Change.Deal ?? deal;
        var model = context.Process.ModelOrDefault(withFacts.ModelId);
        var from = model.GetStage(withFacts.StageId) ?? model.FirstStage;
        var check = from.Id == target.Id ? null : ExitCheck.For(model, from, target);
        if (check is null)
        {
            return await ApplyMoveAsync(deal, model, target, [], context, cancellationToken, finalAmount, also).ConfigureAwait(false);
        }

        if (target.IsClosed)
        {
            // The customer signed (or said no): that is recorded whatever the checklist says. Won from the last open
            // stage says its criteria were met; stages jumped over keep their criteria as unconfirmed, for the manager.
            var unconfirmed = confirmation == ExitConfirmation.AllMet || check.Skipped.Count == 0 ? [] : check.Criteria.Select(c => c.Text).ToList();
            return await ApplyMoveAsync(deal, model, target, unconfirmed, context, cancellationToken, finalAmount, also).ConfigureAwait(false);
        }

        if (check.AnyBlocks)
        {
            return await AskCheckAsync(deal, check, confirmation, also, context, cancellationToken).ConfigureAwait(false);
        }

        var notConfirmed = confirmation == ExitConfirmation.AllMet ? [] : check.Criteria.Select(c => c.Text).ToList();
        return await ApplyMoveAsync(deal, model, target, notConfirmed, context, cancellationToken, also: also).ConfigureAwait(false);
    }

    /// <summary>
    /// A blocking stage asks before the move. The facts said with it are saved now, on their own, and the reply says the
    /// move waits for the check; nothing said is lost, and ticking the card moves the deal later.
    /// </summary>
    private async Task<BotReply> AskCheckAsync(Deal deal, ExitCheck check, ExitConfirmation confirmation, DealFields also, CommandContext context, CancellationToken cancellationToken)
    {
        var shown = deal;
        var saved = string.Empty;
        if (!also.IsEmpty)
        {
            IReadOnlyList<string> changed = [];
            var outcome = await updater.UpdateAsync(deal, context.Actor.ActivityId, current =>
            {
                var (change, said) = DealFieldChanges.Apply(current, also, context);
                changed = said;
                return change;
            }, cancellationToken).ConfigureAwait(false);
            if (outcome.Status != UpdateStatus.Applied)
            {
                return DealReplies.NotApplied(outcome, context);
            }

            shown = outcome.Deal!;
            saved = changed.Count == 0 ? string.Empty : $"Saved for {shown.Name}: {string.Join(", ", changed)}. The move to {check.To.Name} waits for the check below.\n";
            logger.LogInformation("Deal {DealId}: {Count} fields saved, the move to {Stage} waits for its exit check", shown.Id, changed.Count, check.To.Id);
        }

        var error = confirmation == ExitConfirmation.Ask ? null : BlockedText(check, check.Decide(new HashSet<string>()));
        var summary = ExitCheckCard.Summary(shown, check);
        return BotReply.Card(
            saved + (error is null ? summary : error + "\n" + summary),
            ExitCheckCard.Build(shown, check, new HashSet<string>(), error, context.TurnActivityId));
    }

    private async Task<BotReply> ConfirmMoveAsync(Deal deal, SellingModel model, Stage target, CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        var from = model.GetStage(deal.StageId) ?? model.FirstStage;
        var check = ExitCheck.For(model, from, target);
        if (check is null)
        {
            return await ApplyMoveAsync(deal, model, target, [], context, cancellationToken).ConfigureAwait(false);
        }

        var confirmed = action.TogglesOn(CardVerbs.CriterionInputPrefix);
        var decision = check.Decide(confirmed);
        if (decision.Verdict == ExitVerdict.Blocked)
        {
            var error = BlockedText(check, decision);
            return BotReply.Card(error, ExitCheckCard.Build(deal, check, confirmed, error, context.TurnActivityId));
        }

        return await ApplyMoveAsync(deal, model, target, decision.Unconfirmed.Select(c => c.Text).ToList(), context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BotReply> ApplyMoveAsync(
        Deal deal, SellingModel model, Stage target, IReadOnlyList<string> unconfirmed, CommandContext context, CancellationToken cancellationToken, Money? finalAmount = null, DealFields? also = null)
    {
        // The final amount and the facts said with the move are set while the deal is still open (a closed deal's amount is
        // not changed), in the same save: one undo takes back all of it.
        IReadOnlyList<string> changed = [];
        DealChange Move(Deal current)
        {
            var (withFields, said) = DealFieldChanges.Apply(current, also ?? DealFields.None, context);
            changed = said;
            var priced = withFields.Deal is { } fielded && finalAmount is { } amount ? DealRules.SetAmount(fielded, amount, context.Now, context.Actor) : withFields;

            // "northwind is in qualify, 35k" about a deal in Qualify: the stage is no change, the other facts still apply.
            return priced.Deal is null || (priced.Deal.StageId == target.Id && said.Count > 0)
                ? priced
                : DealRules.MoveTo(priced.Deal, model, target, context.Now, context.Actor, unconfirmed);
        }

        var outcome = await updater.UpdateAsync(deal, context.Actor.ActivityId, Move, cancellationToken).ConfigureAwait(false);
        if (outcome.Status != UpdateStatus.Applied)
        {
            return DealReplies.NotApplied(outcome, context);
        }

        var moved = outcome.Deal!;
        if (moved.StageId == deal.StageId && !target.IsClosed)
        {
            logger.LogInformation("Deal {DealId} already in {Stage}: {Count} fields said with it saved", moved.Id, target.Id, changed.Count);
            return DealReplies.Deal(moved, context, $"{moved.Name} is already in {target.Name}.{Also(changed)}");
        }

        var skipped = moved.History[^1].Skipped ?? [];
        var warnings = new List<string>();
        if (skipped.Count > 0)
        {
            warnings.Add($"Skipped: {string.Join(", ", skipped.Select(id => model.GetStage(id)?.Name ?? id))}.");
        }


        logger.LogInformation("Deal {DealId} moved to {Stage} ({Skipped} skipped, {Unconfirmed} criteria unconfirmed)", moved.Id, target.Id, skipped.Count, unconfirmed.Count);
        return target.IsClosed
            ? DealReplies.Deal(moved, context, target.Outcome == StageOutcome.Won ? $"Congratulations! {moved.Name} is won{WonAt(finalAmount, moved)}." : $"{moved.Name} is closed as lost.")
            : DealReplies.Coaching(moved, context, $"Moved {moved.Name} to {target.Name}.{Also(changed)}", warnings);
    }

    private static string Also(IReadOnlyList<string> changed) =>
        changed.Count == 0 ? string.Empty : $" Also saved: {string.Join(", ", changed)}.";

    private static string WonAt(Money? finalAmount, Deal won) =>
        finalAmount is not null && won.Amount is { } amount ? $" at {UserFormat.Money(amount)}" : string.Empty;

    private async Task<BotReply> CloseLostAsync(Deal deal, string? reason, string headline, string alreadyDone, CommandContext context, CancellationToken cancellationToken)
    {
        var outcome = await updater.UpdateAsync(
            deal,
            context.Actor.ActivityId,
            current => DealRules.Close(current, context.Process.ModelOrDefault(current.ModelId), won: false, reason, context.Now, context.Actor),
            cancellationToken).ConfigureAwait(false);
        return outcome.Status switch
        {
            UpdateStatus.Applied => DealReplies.Deal(outcome.Deal!, context, headline),
            UpdateStatus.NotFound => BotReply.Plain($"{deal.Name} is no longer in your pipeline."),
            _ => DealReplies.NotApplied(outcome, context, alreadyDone),
        };
    }

    /// <summary>Loads the clicked deal for its owner, refuses a button of an older card, then acts; the answer replaces the card.</summary>
    private async Task<BotReply> OnClickedDealAsync(
        CardActionData action, CommandContext context, Func<Deal, SellingModel, Task<BotReply>> act, CancellationToken cancellationToken)
    {
        var (deal, notFound) = await ClickedDeal.LoadAsync(store, action, context, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            logger.LogWarning("Card action {Verb} named deal {DealId}, which the user does not own", action.Verb, action.DealId);
            return notFound!;
        }

        if (ClickedDeal.StaleCard(deal, action, context) is { } stale)
        {
            return stale;
        }

        var reply = await act(deal, context.Process.ModelOrDefault(deal.ModelId)).ConfigureAwait(false);
        return reply with { ReplacesCard = true };
    }

    private static BotReply StageGone(SellingModel model) => BotReply.Plain($"That stage is no longer part of the {model.Name} process.");

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

    private static string BlockedText(ExitCheck check, ExitDecision decision)
    {
        var stages = string.Join(", ", decision.Blocking.Select(c => c.Stage.Name).Distinct());
        return $"{stages} needs every exit criterion confirmed before the deal moves to {check.To.Name}. "
            + $"Not confirmed: {string.Join("; ", decision.Blocking.Select(c => c.Text))}.";
    }
}
