using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Deals;

/// <summary>Creates the rep's deals and changes their fields (stages and closing: <see cref="DealStageHandler"/>). Every change is a pure rule applied through <see cref="DealUpdater"/>.</summary>
public sealed class DealCommandHandler(IDealStore store, DealUpdater updater, DealResolver resolver, ILogger<DealCommandHandler> logger)
{
    public Task<BotReply> CreateAsync(CreateDeal command, CommandContext context, CancellationToken cancellationToken) =>
        CreateAsync(command, context, askIfOpenTwin: true, cancellationToken);

    /// <param name="askIfOpenTwin">
    /// Whether an open deal of the same name makes the bot ask first (update it, or create a second one); false once the
    /// rep has said "create a second one".
    /// </param>
    private async Task<BotReply> CreateAsync(CreateDeal command, CommandContext context, bool askIfOpenTwin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var open = await store.ListAsync(context.Owner, includeClosed: false, cancellationToken).ConfigureAwait(false);
        if (open.FirstOrDefault(d => d.HasApplied(context.Actor.ActivityId)) is { } created)
        {
            // An earlier copy of this activity (a Teams retry) or an earlier click of this button created it already.
            return BotReply.AlreadyDone(context, () => DealReplies.Deal(created, context, "Already done: that deal was created before."));
        }

        if (askIfOpenTwin && DealResolver.OpenTwin(open, command.Name) is { } twin)
        {
            logger.LogInformation("New deal asked for while deal {DealId} of a matching name is open: asking first", twin.Id);
            DealResolver.Remember(context, twin);
            return BotReply.Card(
                DuplicateDealCard.Summary(twin, DealRules.CleanText(command.Name)),
                DuplicateDealCard.Build(DealView.For(twin, context.Process, context.Now, context.Today), context.Text, context.TurnActivityId));
        }

        var model = context.Process.FindModel(command.ModelId) ?? context.Process.DefaultModel;
        var amount = command.Amount is { } said ? DealRules.InCurrencyIfNone(said, DealRules.UsualCurrency(open) ?? context.Process.Currency) : (Money?)null;
        var change = DealRules.Create(context.Owner, command.Name, amount, model, context.Now, context.Actor);
        if (change.Deal is not null && command.ExpectedClose is { } close)
        {
            change = DealRules.SetExpectedClose(change.Deal, close, context.Today, context.Now, context.Actor);
        }

        // "new deal Fabrikam 40k in discovery, small business, next step demo friday": every field said, or none.
        if (change.Deal is not null && command.StagePhrase is { } stagePhrase)
        {
            change = model.FindStages(stagePhrase) is [{ IsClosed: false } start]
                ? DealChange.Changed(change.Deal with { StageId = start.Id, History = [new StageChange(null, start.Id, context.Now, context.Actor.UserName)] })
                : DealChange.Refused(Refusal.NotAnOpenStage(stagePhrase, model.Name));
        }

        if (change.Deal is not null && (command.CustomerTypePhrase ?? command.NextStepText) is not null)
        {
            var (withFields, _) = ApplyFields(change.Deal, new DealFields(CustomerTypePhrase: command.CustomerTypePhrase, NextStepText: command.NextStepText, NextStepDue: command.NextStepDue), context);
            change = withFields;
        }

        if (change.Deal is null)
        {
            return BotReply.Plain(CoreText.Refusal(change.Refusal!));
        }

        // The new deal's id comes from this turn's key, so a retried "new deal" collides with the deal it created.
        var outcome = await updater.CreateAsync(change.Deal, cancellationToken).ConfigureAwait(false);
        var deal = outcome.Deal ?? change.Deal;
        logger.LogInformation("Deal {DealId} created in model {Model} ({Status})", deal.Id, model.Id, outcome.Status);
        if (outcome.Status == UpdateStatus.AlreadyApplied)
        {
            return BotReply.AlreadyDone(context, () => DealReplies.Deal(deal, context, "Already done: that deal was created before."));
        }

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

    /// <summary>"Create a second one" on the card that asked about a deal of the same name: the message is read again and created as said.</summary>
    public async Task<BotReply> CreateAnywayClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        if (ReadCreate(action, context) is not { } command)
        {
            return new BotReply(BotReply.UnrecognisedButton, [], ReplacesCard: true);
        }

        var created = await CreateAsync(command, context, askIfOpenTwin: false, cancellationToken).ConfigureAwait(false);
        return created with { ReplacesCard = true };
    }

    /// <summary>"Update this deal" on that card: what the message said (amount, close date, next step, type, model) goes on the deal the rep has.</summary>
    public async Task<BotReply> UpdateExistingClickedAsync(CardActionData action, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        if (ReadCreate(action, context) is not { } command)
        {
            return new BotReply(BotReply.UnrecognisedButton, [], ReplacesCard: true);
        }

        var (deal, notFound) = await ClickedDeal.LoadAsync(store, action, context, cancellationToken).ConfigureAwait(false);
        if (deal is null)
        {
            return notFound!;
        }

        var fields = new DealFields(command.Amount, command.ExpectedClose, command.ModelId, command.CustomerTypePhrase, command.NextStepText, command.NextStepDue);
        if (fields == new DealFields())
        {
            return DealReplies.Deal(deal, context, $"{deal.Name} is already in your pipeline; your message had nothing new to put on it.") with { ReplacesCard = true };
        }

        var reply = await ApplyAsync(deal, context, (current, _) => ApplyFields(current, fields, context), cancellationToken).ConfigureAwait(false);
        return reply with { ReplacesCard = true };
    }

    /// <summary>The "new deal" message a button carries, read again as it was read when the card was drawn.</summary>
    private static CreateDeal? ReadCreate(CardActionData action, CommandContext context) =>
        string.IsNullOrWhiteSpace(action.Text)
            ? null
            : CommandParser.Parse(action.Text, new ParseContext(context.Today, context.Process)) as CreateDeal;

    public Task<BotReply> SetNextStepAsync(SetNextStep command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        // A won deal's follow-up is its next step too ("next step for contoso: 30-day check-in by jan 4").
        return ChangeAsync(command.DealPhrase, context, (deal, _) =>
        {
            var due = command.Due is { } d ? $", due {UserFormat.ShortDate(d)}" : string.Empty;
            return (DealRules.SetNextStep(deal, command.Text, command.Due, context.Today, context.Now, context.Actor), $"Next step for {deal.Name}: {command.Text}{due}.");
        }, cancellationToken, includeClosed: true);
    }

    public Task<BotReply> SetAmountAsync(SetAmount command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeAsync(command.DealPhrase, context, (deal, _) =>
        {
            // The headline shows the amount as saved: with the deal's currency when the rep said none.
            var change = DealRules.SetAmount(deal, command.Amount, context.Now, context.Actor);
            return (change, $"{deal.Name} is now {UserFormat.Money(change.Deal?.Amount ?? command.Amount)}.");
        }, cancellationToken);
    }

    public Task<BotReply> SetCloseDateAsync(SetCloseDate command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeAsync(command.DealPhrase, context, (deal, _) =>
            (DealRules.SetExpectedClose(deal, command.Date, context.Today, context.Now, context.Actor), $"{deal.Name} is expected to close on {UserFormat.Date(command.Date)}."), cancellationToken);
    }

    /// <summary>"push fabrikam out two weeks": the expected close date moves; a deal without one is asked for it.</summary>
    public Task<BotReply> ShiftCloseDateAsync(ShiftCloseDate command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeAsync(command.DealPhrase, context, (deal, _) =>
        {
            if (deal.ExpectedClose is not { } close)
            {
                return (DealChange.Refused(Refusal.NoCloseDateToShift(deal.Name)), string.Empty);
            }

            var moved = close.AddMonths(command.Months).AddDays(command.Days);
            return (DealRules.SetExpectedClose(deal, moved, context.Today, context.Now, context.Actor), $"{deal.Name} is now expected to close on {UserFormat.Date(moved)} (was {UserFormat.Date(close)}).");
        }, cancellationToken);
    }

    /// <summary>"fabrikam: 30k, closes march 3": every field said is applied, or none, with the reason.</summary>
    public Task<BotReply> UpdateAsync(UpdateDeal command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeAsync(command.DealPhrase, context, (deal, model) => ApplyFields(deal, command.Fields, context), cancellationToken);
    }

    /// <summary>"called contoso", "demo with fabrikam yesterday": recorded on the deal, and it counts as progress.</summary>
    public Task<BotReply> LogActivityAsync(LogActivity command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeAsync(command.DealPhrase, context, (deal, _) =>
            (DealRules.LogActivity(deal, command.Kind, command.Date, command.Note, context.Today, context.Now, context.Actor),
             $"Logged {ActivityText(command.Kind)} with {deal.Name} on {UserFormat.Date(command.Date)}{(command.Note is null ? "." : $": {command.Note}")}"),
            cancellationToken);
    }

    /// <summary>Several fields at once (<see cref="DealFieldChanges"/>): all of them, or none with the reason.</summary>
    private static (DealChange Change, string Headline) ApplyFields(Deal deal, DealFields fields, CommandContext context)
    {
        var (change, changed) = DealFieldChanges.Apply(deal, fields, context);
        return change.Deal is null ? (change, string.Empty)
            : changed.Count == 0 ? (DealChange.Refused(Refusal.NothingToChange()), string.Empty)
            : (change, $"{deal.Name}: {string.Join(", ", changed)}.");
    }

    private static string ActivityText(ActivityKind kind) => kind switch
    {
        ActivityKind.Call => "a call",
        ActivityKind.Meeting => "a meeting",
        ActivityKind.Email => "an email",
        ActivityKind.Demo => "a demo",
        ActivityKind.ProposalSent => "a proposal sent",
        _ => "an activity",
    };

    /// <summary>Resolves the deal the rep named, applies one pure change to it, and answers with the changed deal's card.</summary>
    private async Task<BotReply> ChangeAsync(
        string dealPhrase, CommandContext context, Func<Deal, SellingModel, (DealChange Change, string Headline)> apply, CancellationToken cancellationToken, bool includeClosed = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var resolution = await resolver.ResolveAsync(context, dealPhrase, includeClosed, cancellationToken).ConfigureAwait(false);
        return resolution.Deal is { } deal
            ? await ApplyAsync(deal, context, apply, cancellationToken).ConfigureAwait(false)
            : resolution.Reply!;
    }

    /// <summary>Applies one pure change to the deal and answers with the changed deal's card.</summary>
    private async Task<BotReply> ApplyAsync(
        Deal deal, CommandContext context, Func<Deal, SellingModel, (DealChange Change, string Headline)> apply, CancellationToken cancellationToken)
    {
        string? headline = null;
        var outcome = await updater.UpdateAsync(deal, context.Actor.ActivityId, current =>
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
