using System.Globalization;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Coaching;

/// <summary>
/// Coaching at every stage: the coaching card of a deal ("what now for contoso"), and what the rep saves on it (the next
/// step and the stage's checklist). Moving and closing from the card belong to the deals feature.
/// </summary>
public sealed class CoachingCommandHandler(IDealStore store, DealUpdater updater, DealResolver resolver, ILogger<CoachingCommandHandler> logger)
{
    public async Task<BotReply> CoachAsync(CoachDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var resolution = await resolver.ResolveAsync(context, command.DealPhrase, includeClosed: false, cancellationToken).ConfigureAwait(false);
        return resolution.Deal is { } deal ? DealReplies.Coaching(deal, context, headline: null) : resolution.Reply!;
    }

    /// <summary>A card's "coach me" button: the deal's current coaching card, whichever stage the clicked card was for.</summary>
    public async Task<BotReply> CoachClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        var (deal, notFound) = await LoadAsync(action, context, cancellationToken).ConfigureAwait(false);
        return deal is null ? notFound! : DealReplies.Coaching(deal, context, headline: null) with { ReplacesCard = true };
    }

    /// <summary>The coaching card's "save": the next step with its due date, and the checklist items ticked.</summary>
    public async Task<BotReply> SaveClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        var (deal, notFound) = await LoadAsync(action, context, cancellationToken).ConfigureAwait(false);
        return deal is null ? notFound! : await SaveAsync(deal, action, context, cancellationToken).ConfigureAwait(false) with { ReplacesCard = true };
    }

    /// <summary>
    /// The coaching card's "confirm ticked": exit criteria the deal moved on without, confirmed now. Recorded in the
    /// stage history (as confirmed later), so the manager and the process report see both facts.
    /// </summary>
    public async Task<BotReply> ConfirmLaterClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        var (deal, notFound) = await LoadAsync(action, context, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            return notFound!;
        }

        var pending = DealRules.StillUnconfirmed(deal);
        var ticked = action.TogglesOn(CardVerbs.LaterInputPrefix)
            .Select(i => int.TryParse(i, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < pending.Count ? pending[index] : null)
            .OfType<string>()
            .ToList();
        if (ticked.Count == 0)
        {
            return DealReplies.Coaching(deal, context, headline: null, ["Tick the criteria that are true now, then confirm."]) with { ReplacesCard = true };
        }

        var outcome = await updater.UpdateAsync(deal, context.Actor.ActivityId, current => DealRules.ConfirmLater(current, ticked, context.Now, context.Actor), cancellationToken).ConfigureAwait(false);
        var reply = outcome.Status == UpdateStatus.Applied
            ? DealReplies.Coaching(outcome.Deal!, context, $"Confirmed: {string.Join("; ", ticked)}.")
            : DealReplies.NotApplied(outcome, context);
        return reply with { ReplacesCard = true };
    }

    /// <summary>A button this bot does not know: the clicked deal's coaching card comes back with the refusal on top, or a notice.</summary>
    public async Task<BotReply> RefuseUnknownAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        logger.LogWarning("Refused a card action with an unknown verb or missing data");
        var deal = action.DealId is null ? null : await store.GetAsync(context.Owner, action.DealId, cancellationToken).ConfigureAwait(false);
        return deal is { IsOpen: true }
            ? DealReplies.Coaching(deal, context, headline: null, [BotReply.UnrecognisedButton]) with { Text = BotReply.UnrecognisedButton, ReplacesCard = true }
            : new BotReply(BotReply.UnrecognisedButton, [], ReplacesCard: true);
    }

    private async Task<(Deal? Deal, BotReply? NotFound)> LoadAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        var loaded = await ClickedDeal.LoadAsync(store, action, context, cancellationToken).ConfigureAwait(false);
        if (loaded.Deal is null)
        {
            logger.LogWarning("Card action {Verb} named deal {DealId}, which the user does not own", action.Verb, action.DealId);
        }

        return loaded;
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
            if (UserFormat.ParseInputDate(action.Due) is not { } date)
            {
                input = input with { DueError = $"'{action.Due}' is not a date." };
            }
            else if (date < context.Today)
            {
                input = input with { DueError = $"{UserFormat.Date(date)} is in the past; pick today or later." };
            }
            else
            {
                due = date;
            }
        }

        if (input.NextStepError is not null || input.DueError is not null)
        {
            return DealReplies.Coaching(deal, context, headline: null, warnings: null, input) with { Text = input.NextStepError ?? input.DueError! };
        }

        var done = action.TogglesOn(CardVerbs.DoneInputPrefix)
            .Select(i => int.TryParse(i, CultureInfo.InvariantCulture, out var index) ? index : -1)
            .ToList();
        var outcome = await updater.UpdateAsync(deal, context.Actor.ActivityId, current =>
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
            return DealReplies.NotApplied(outcome, context);
        }

        var dueText = due is { } d ? $", due {UserFormat.ShortDate(d)}" : string.Empty;
        return DealReplies.Coaching(outcome.Deal!, context, $"Saved. Next step: {text}{dueText}.");
    }
}
