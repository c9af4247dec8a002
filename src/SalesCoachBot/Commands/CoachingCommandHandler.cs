using System.Globalization;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Cards;
using SalesCoachBot.Core.Coaching;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Commands;

/// <summary>
/// Coaching at every stage: the coaching card, the exit-criteria check before a deal moves forward, and the
/// buttons of those cards (save the next step and checklist, move, close).
/// </summary>
public sealed class CoachingCommandHandler(IDealStore store, DealUpdater updater, ILogger<CoachingCommandHandler> logger)
{
    public static BotReply Coach(Deal deal, CommandContext context, string? headline, IReadOnlyList<string>? warnings = null, CoachingInput? input = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = DealView.For(deal, context.Process, context.Now, context.Today);
        var summary = CoachingCard.Summary(view, headline) + (warnings is { Count: > 0 } ? "\n" + string.Join("\n", warnings) : string.Empty);
        return BotReply.Card(summary, CoachingCard.Build(view, headline, warnings ?? [], context.TimeZone, context.Today, context.TurnActivityId, input));
    }

    /// <summary>A move asked for by text or by the coaching card's button: checks the exit criteria first when moving forward.</summary>
    public async Task<BotReply> RequestMoveAsync(Deal deal, Stage target, ExitConfirmation confirmation, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Process.ModelOrDefault(deal.ModelId);
        var from = model.GetStage(deal.StageId) ?? model.FirstStage;
        var check = from.Id == target.Id ? null : ExitCheck.For(model, from, target);

        // "Won" from the last open stage says the deal closed: that is its exit criteria met. Won from earlier still
        // asks for the criteria of the stages it skips.
        if (check is not null && target.Outcome == StageOutcome.Won && check.Skipped.Count == 0 && confirmation == ExitConfirmation.Ask)
        {
            confirmation = ExitConfirmation.AllMet;
        }

        if (check is null)
        {
            return await MoveAsync(deal, model, target, [], context, cancellationToken).ConfigureAwait(false);
        }

        switch (confirmation)
        {
            case ExitConfirmation.AllMet:
                return await MoveAsync(deal, model, target, [], context, cancellationToken).ConfigureAwait(false);
            case ExitConfirmation.Anyway when !check.AnyBlocks:
                return await MoveAsync(deal, model, target, check.Criteria.Select(c => c.Text).ToList(), context, cancellationToken).ConfigureAwait(false);
            default:
                var error = confirmation == ExitConfirmation.Anyway ? BlockedText(check, check.Decide(new HashSet<string>())) : null;
                return BotReply.Card(
                    error is null ? ExitCheckCard.Summary(deal, check) : error + "\n" + ExitCheckCard.Summary(deal, check),
                    ExitCheckCard.Build(deal, check, new HashSet<string>(), error, context.TurnActivityId));
        }
    }

    public async Task<BotReply> HandleActionAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var deal = action.DealId is null ? null : await store.GetAsync(context.Owner, action.DealId, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            // Also the answer to a forged id: another rep's deal is simply not found under this owner.
            logger.LogWarning("Card action {Verb} named deal {DealId}, which the user does not own", action.Verb, action.DealId);
            return new BotReply("That deal is not in your pipeline.", [], ReplacesCard: true);
        }

        var model = context.Process.ModelOrDefault(deal.ModelId);
        if (action.FromStageId is { } cardStage && cardStage != deal.StageId && action.Verb is not (CardVerbs.Coach or CardVerbs.SaveNextStep))
        {
            // A button of an older card: the deal has moved on since, so the card's question no longer applies.
            var was = model.GetStage(cardStage)?.Name ?? cardStage;
            var now = model.GetStage(deal.StageId)?.Name ?? deal.StageId;
            return deal.IsOpen
                ? Coach(deal, context, headline: null, [$"That card was for {was}; {deal.Name} is now in {now}. Here is its current card."]) with { ReplacesCard = true }
                : PipelineCommandHandler.Show(deal, context, $"That card is out of date: {deal.Name} is already closed.") with { ReplacesCard = true };
        }

        var reply = action.Verb switch
        {
            CardVerbs.Coach => Coach(deal, context, headline: null),
            CardVerbs.SaveNextStep => await SaveAsync(deal, action, context, cancellationToken).ConfigureAwait(false),
            CardVerbs.MoveDeal when model.GetStage(action.StageId ?? string.Empty) is { } target =>
                await RequestMoveAsync(deal, target, ExitConfirmation.Ask, context, cancellationToken).ConfigureAwait(false),
            CardVerbs.ConfirmMove when model.GetStage(action.StageId ?? string.Empty) is { } target =>
                await ConfirmMoveAsync(deal, model, target, action, context, cancellationToken).ConfigureAwait(false),
            CardVerbs.CloseWon when model.ClosingStage(StageOutcome.Won) is { } won =>
                await RequestMoveAsync(deal, won, ExitConfirmation.Ask, context, cancellationToken).ConfigureAwait(false),
            CardVerbs.CloseLost => await CloseLostAsync(deal, model, action.Reason, context, cancellationToken).ConfigureAwait(false),
            _ => BotReply.Plain($"That stage is no longer part of the {model.Name} process."),
        };
        return reply with { ReplacesCard = true };
    }

    /// <summary>A button this bot does not know: the clicked deal's card comes back with the refusal on top, or a notice.</summary>
    public async Task<BotReply> RefuseAsync(CardActionData action, string refusal, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var deal = action.DealId is null ? null : await store.GetAsync(context.Owner, action.DealId, cancellationToken).ConfigureAwait(false);
        return deal is { IsOpen: true }
            ? Coach(deal, context, headline: null, [refusal]) with { Text = refusal, ReplacesCard = true }
            : new BotReply(refusal, [], ReplacesCard: true);
    }

    private async Task<BotReply> ConfirmMoveAsync(Deal deal, SellingModel model, Stage target, CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        var from = model.GetStage(deal.StageId) ?? model.FirstStage;
        var check = ExitCheck.For(model, from, target);
        if (check is null)
        {
            return await MoveAsync(deal, model, target, [], context, cancellationToken).ConfigureAwait(false);
        }

        var confirmed = action.TogglesOn(CardVerbs.CriterionInputPrefix);
        var decision = check.Decide(confirmed);
        if (decision.Verdict == ExitVerdict.Blocked)
        {
            var error = BlockedText(check, decision);
            return BotReply.Card(error, ExitCheckCard.Build(deal, check, confirmed, error, context.TurnActivityId));
        }

        return await MoveAsync(deal, model, target, decision.Unconfirmed.Select(c => c.Text).ToList(), context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BotReply> MoveAsync(Deal deal, SellingModel model, Stage target, IReadOnlyList<string> unconfirmed, CommandContext context, CancellationToken cancellationToken)
    {
        var outcome = await updater.UpdateAsync(
            deal.Owner,
            deal.Id,
            context.Actor.ActivityId,
            current => DealRules.MoveTo(current, model, target, context.Now, context.Actor, unconfirmed),
            cancellationToken).ConfigureAwait(false);
        if (outcome.Status != UpdateStatus.Applied)
        {
            return Outcome(outcome, context);
        }

        var moved = outcome.Deal!;
        var skipped = moved.History[^1].Skipped ?? [];
        var warnings = new List<string>();
        if (skipped.Count > 0)
        {
            warnings.Add($"Skipped: {string.Join(", ", skipped.Select(id => model.GetStage(id)?.Name ?? id))}.");
        }

        if (unconfirmed.Count > 0)
        {
            warnings.Add($"Not confirmed when it moved on: {string.Join("; ", unconfirmed)}.");
        }

        logger.LogInformation("Deal {DealId} moved to {Stage} ({Skipped} skipped, {Unconfirmed} criteria unconfirmed)", moved.Id, target.Id, skipped.Count, unconfirmed.Count);
        var headline = $"Moved {moved.Name} to {target.Name}.";
        return target.IsClosed
            ? PipelineCommandHandler.Show(moved, context, target.Outcome == StageOutcome.Won ? $"Congratulations! {moved.Name} is won." : $"{moved.Name} is closed as lost.")
            : Coach(moved, context, headline, warnings);
    }

    private async Task<BotReply> SaveAsync(Deal deal, CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        var input = new CoachingInput(action.NextStep, action.Due);
        var text = action.NextStep?.Trim() ?? string.Empty;
        DateOnly? due = null;
        if (text.Length == 0)
        {
            input = input with { NextStepError = "Say what the next step is before saving." };
        }

        if (!string.IsNullOrWhiteSpace(action.Due))
        {
            if (CardParts.ParseInputDate(action.Due) is not { } date)
            {
                input = input with { DueError = $"'{action.Due}' is not a date." };
            }
            else if (date < context.Today)
            {
                input = input with { DueError = $"{CardParts.Date(date)} is in the past; pick today or later." };
            }
            else
            {
                due = date;
            }
        }

        if (input.NextStepError is not null || input.DueError is not null)
        {
            return Coach(deal, context, headline: null, warnings: null, input) with { Text = input.NextStepError ?? input.DueError! };
        }

        var done = action.TogglesOn(CardVerbs.DoneInputPrefix)
            .Select(i => int.TryParse(i, CultureInfo.InvariantCulture, out var index) ? index : -1)
            .ToList();
        var outcome = await updater.UpdateAsync(deal.Owner, deal.Id, context.Actor.ActivityId, current =>
        {
            var model = context.Process.ModelOrDefault(current.ModelId);
            var stage = model.GetStage(current.StageId) ?? model.FirstStage;
            var withStep = DealRules.SetNextStep(current, text, due, context.Today, context.Now, context.Actor);
            if (withStep.Deal is null || current.StageId != deal.StageId)
            {
                return withStep;
            }

            var doneActions = done.Where(i => i >= 0 && i < stage.Actions.Count).Select(i => stage.Actions[i]);
            return DealRules.SetDoneActions(withStep.Deal, stage, doneActions, context.Now, context.Actor);
        }, cancellationToken).ConfigureAwait(false);

        if (outcome.Status != UpdateStatus.Applied)
        {
            return Outcome(outcome, context);
        }

        var dueText = due is { } d ? $", due {CardParts.ShortDate(d)}" : string.Empty;
        return Coach(outcome.Deal!, context, $"Saved. Next step: {text}{dueText}.");
    }

    // Won goes through RequestMoveAsync (it may skip stages and need their exit criteria); lost never needs a check.
    private async Task<BotReply> CloseLostAsync(Deal deal, SellingModel model, string? reason, CommandContext context, CancellationToken cancellationToken)
    {
        var outcome = await updater.UpdateAsync(
            deal.Owner,
            deal.Id,
            context.Actor.ActivityId,
            current => DealRules.Close(current, model, won: false, string.IsNullOrWhiteSpace(reason) ? null : reason, context.Now, context.Actor),
            cancellationToken).ConfigureAwait(false);
        return outcome.Status == UpdateStatus.Applied
            ? PipelineCommandHandler.Show(outcome.Deal!, context, $"{deal.Name} is closed as lost.")
            : Outcome(outcome, context);
    }

    private static BotReply Outcome(UpdateOutcome outcome, CommandContext context) => outcome.Status switch
    {
        UpdateStatus.AlreadyApplied => PipelineCommandHandler.Show(outcome.Deal!, context, "Already done: that button was used before."),
        UpdateStatus.Refused => BotReply.Plain(Replies.CoreText.Refusal(outcome.Refusal!)),
        _ => BotReply.Plain("That deal is not in your pipeline."),
    };

    private static string BlockedText(ExitCheck check, ExitDecision decision)
    {
        var stages = string.Join(", ", decision.Blocking.Select(c => c.Stage.Name).Distinct());
        return $"{stages} needs every exit criterion confirmed before the deal moves to {check.To.Name}. "
            + $"Not confirmed: {string.Join("; ", decision.Blocking.Select(c => c.Text))}.";
    }
}
