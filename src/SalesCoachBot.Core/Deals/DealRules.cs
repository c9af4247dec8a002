using System.Security.Cryptography;
using System.Text;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Deals;

/// <summary>The result of a change to a deal: the changed deal, or why it was refused (as data; the host words it).</summary>
public sealed record DealChange(Deal? Deal, Refusal? Refusal)
{
    public static DealChange Changed(Deal deal) => new(deal, null);

    public static DealChange Refused(Refusal refusal) => new(null, refusal);
}

/// <summary>Who did something, and through which Teams activity (so a retried activity is recognised).</summary>
public sealed record Actor(string UserName, string? ActivityId);

/// <summary>Pure rules for creating and changing deals. No I/O, no clock: "now" is passed in.</summary>
public static partial class DealRules
{
    public const int MaxNameLength = 120;
    public const int MaxNextStepLength = 500;
    public const int MaxReasonLength = 500;

    /// <summary>
    /// How many stage changes a deal keeps: its creation and the latest ones. A deal moved back and forth hundreds of
    /// times stays a small document (and so do the snapshots its undo trail keeps).
    /// </summary>
    public const int MaxHistory = 50;

    /// <summary>
    /// A deal id derived from the activity that created it: a retried "new deal" activity produces the same id,
    /// so the store refuses the second insert instead of creating a twin.
    /// </summary>
    public static string NewDealId(OwnerKey owner, string? activityId)
    {
        if (activityId is null)
        {
            return "d" + Guid.NewGuid().ToString("N")[..16];
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{owner.TenantId}\n{owner.UserId}\n{activityId}"));
        return "d" + Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

    public static DealChange Create(OwnerKey owner, string name, Money? amount, SellingModel model, DateTimeOffset now, Actor actor)
    {
        var cleanName = CleanText(name);
        if (NameRefusal(cleanName) is { } badName)
        {
            return DealChange.Refused(badName);
        }

        if (amount is { Amount: <= 0 })
        {
            return DealChange.Refused(Refusal.AmountNotPositive());
        }

        var first = model.FirstStage;
        return DealChange.Changed(new Deal
        {
            Id = NewDealId(owner, actor.ActivityId),
            TenantId = owner.TenantId,
            OwnerId = owner.UserId,
            Name = cleanName,
            Amount = amount,
            ModelId = model.Id,
            StageId = first.Id,
            StageEnteredAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            History = [new StageChange(null, first.Id, now, actor.UserName)],
            AppliedActivities = actor.ActivityId is null ? [] : [actor.ActivityId],
        });
    }

    /// <param name="unconfirmed">Exit criteria the rep did not confirm; recorded with the move.</param>
    public static DealChange MoveTo(Deal deal, SellingModel model, Stage target, DateTimeOffset now, Actor actor, IReadOnlyList<string>? unconfirmed = null)
    {
        if (RefuseClosed(deal) is { } refusal)
        {
            return refusal;
        }

        if (deal.StageId == target.Id)
        {
            return DealChange.Refused(Refusal.AlreadyInStage(deal.Name, target.Name));
        }

        if (model.GetStage(target.Id) is null)
        {
            return DealChange.Refused(Refusal.NotAStageOfModel(target.Name, model.Name));
        }

        var skipped = model.GetStage(deal.StageId) is { } from ? model.SkippedBetween(from, target).Select(s => s.Id).ToList() : [];
        var moved = deal with
        {
            StageId = target.Id,
            StageEnteredAt = now,
            DoneActions = [],
            History =
            [
                .. deal.History,
                new StageChange(
                    deal.StageId,
                    target.Id,
                    now,
                    actor.UserName,
                    skipped.Count > 0 ? skipped : null,
                    unconfirmed is { Count: > 0 } ? unconfirmed : null),
            ],
            Status = target.Outcome switch
            {
                StageOutcome.Won => DealStatus.Won,
                StageOutcome.Lost => DealStatus.Lost,
                _ => DealStatus.Open,
            },
            ClosedAt = target.IsClosed ? now : null,
            NextStep = target.Outcome == StageOutcome.Won ? FirstFollowUp(target, now) : deal.NextStep,
            NextStepBeforeClose = target.IsClosed ? deal.NextStep : null,

            // A closed deal needs no reminder it was asked for before (won: its follow-up is reminded instead).
            AskedReminder = target.IsClosed ? null : deal.AskedReminder,
        };

        // A move forward or a win is progress on the open next step; a win's follow-up is a next step of its own.
        var forward = model.GetStage(deal.StageId) is { } current && model.IsForward(current, target);
        var progressed = deal with { NextStepHistory = forward ? StepDone(deal, now) : deal.NextStepHistory };
        moved = moved with { NextStepHistory = target.Outcome == StageOutcome.Won ? StepSet(progressed, moved.NextStep, now) : progressed.NextStepHistory };
        return DealChange.Changed(Touch(moved, now, actor));
    }

    public static DealChange Close(Deal deal, SellingModel model, bool won, string? reason, DateTimeOffset now, Actor actor)
    {
        var stage = model.ClosingStage(won ? StageOutcome.Won : StageOutcome.Lost);
        if (stage is null)
        {
            return DealChange.Refused(Refusal.NoClosingStage(model.Name, won ? DealStatus.Won : DealStatus.Lost));
        }

        var cleanReason = reason is null ? null : CleanText(reason);
        if (cleanReason?.Length > MaxReasonLength)
        {
            return DealChange.Refused(Refusal.ReasonTooLong(MaxReasonLength));
        }

        var change = MoveTo(deal, model, stage, now, actor);
        return change.Deal is null
            ? change
            : DealChange.Changed(change.Deal with
            {
                LostReason = won ? null : NullIfEmpty(cleanReason),
                NextStep = won ? change.Deal.NextStep : null,
                NextStepHistory = won ? change.Deal.NextStepHistory : StepEnded(change.Deal, now),
            });
    }

    /// <summary>"relecloud lost reason: chose a competitor", said after the deal was closed as lost: the reason is recorded.</summary>
    public static DealChange SetLostReason(Deal deal, string reason, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(reason);
        var clean = CleanText(reason);
        if (deal.Status != DealStatus.Lost || clean.Length == 0)
        {
            return DealChange.Refused(Refusal.NotLost(deal.Name));
        }

        return clean.Length > MaxReasonLength
            ? DealChange.Refused(Refusal.ReasonTooLong(MaxReasonLength))
            : DealChange.Changed(Touch(deal with { LostReason = clean }, now, actor));
    }

    /// <summary>When a follow-up that does not say its day ("7-day check-in") is due after the win.</summary>
    public const int DefaultFollowUpDays = 7;

    /// <summary>
    /// The won stage's first follow-up as the deal's next step, dated from its own words ("7-day check-in call": a
    /// week after the win; "30-day …": thirty days) or <see cref="DefaultFollowUpDays"/> after; none when the stage lists none.
    /// </summary>
    public static NextStep? FirstFollowUp(Stage won, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(won);
        if (won.FollowUps.Count == 0)
        {
            return null;
        }

        var text = won.FollowUps[0];
        var said = FollowUpDaysPattern().Match(text);
        var days = said.Success ? int.Parse(said.Groups["days"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : DefaultFollowUpDays;
        var clean = CleanText(text);
        return new NextStep(clean.Length > MaxNextStepLength ? clean[..MaxNextStepLength] : clean, DateOnly.FromDateTime(now.UtcDateTime).AddDays(days), now);
    }

    // "7-day", "30 day", "14-days": ASCII digits, at most three, so the date stays in range.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?<days>[0-9]{1,3})[- ]?days?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FollowUpDaysPattern();

    /// <summary>Sets the next step of an open deal, or the follow-up of a won one.</summary>
    public static DealChange SetNextStep(Deal deal, string text, DateOnly? due, DateOnly today, DateTimeOffset now, Actor actor)
    {
        if (deal.Status != DealStatus.Won && RefuseClosed(deal) is { } refusal)
        {
            return refusal;
        }

        var clean = CleanText(text);
        if (clean.Length == 0)
        {
            return DealChange.Refused(Refusal.NextStepMissing());
        }

        if (clean.Length > MaxNextStepLength)
        {
            return DealChange.Refused(Refusal.NextStepTooLong(MaxNextStepLength));
        }

        if (due is { } date && date < today)
        {
            return DealChange.Refused(Refusal.NextStepDueInPast(date));
        }

        var step = new NextStep(clean, due, now);
        return DealChange.Changed(Touch(deal with { NextStep = step, NextStepHistory = StepSet(deal, step, now) }, now, actor));
    }

    /// <summary>Records which of the current stage's actions are done (from the coaching card's checklist).</summary>
    public static DealChange SetDoneActions(Deal deal, Stage stage, IEnumerable<string> done, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (RefuseClosed(deal) is { } refusal)
        {
            return refusal;
        }

        if (deal.StageId != stage.Id)
        {
            return DealChange.Refused(Refusal.MovedOnSinceChecklist(deal.Name));
        }

        var known = done.Where(stage.Actions.Contains).Distinct().ToList();
        return DealChange.Changed(Touch(deal with { DoneActions = known }, now, actor));
    }

    /// <summary>Reminders come as usual again: the snooze ends now.</summary>
    public static DealChange LiftSnooze(Deal deal, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return deal.IsOpen && deal.Reminder.SnoozedUntil is { } until && until > now
            ? DealChange.Changed(Touch(deal with { Reminder = deal.Reminder with { SnoozedUntil = null } }, now, actor))
            : DealChange.Refused(Refusal.NotSnoozed(deal.Name));
    }

    /// <summary>Holds the deal's reminders until <paramref name="until"/> (the ladder itself stays where it is).</summary>
    public static DealChange Snooze(Deal deal, DateTimeOffset until, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return deal.IsOpen
            ? DealChange.Changed(Touch(deal with { Reminder = deal.Reminder with { SnoozedUntil = until } }, now, actor))
            : DealChange.Refused(Refusal.NothingToSnooze(deal.Name));
    }

    /// <summary>
    /// Sets the deal's amount. An amount said without a currency ("fourth coffee 40k") keeps the deal's currency: the rep
    /// changed the figure, not the money it is counted in (dropping it would split the pipeline's totals).
    /// </summary>
    public static DealChange SetAmount(Deal deal, Money amount, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (RefuseClosed(deal) is { } refusal)
        {
            return refusal;
        }

        var kept = amount.Currency is null && deal.Amount?.Currency is { } currency ? amount with { Currency = currency } : amount;
        return amount.Amount <= 0
            ? DealChange.Refused(Refusal.AmountNotPositive())
            : DealChange.Changed(Touch(deal with { Amount = kept }, now, actor));
    }

    /// <summary>
    /// The currency every one of <paramref name="deals"/> with an amount is in (deleted ones aside); null when they have
    /// none or more than one. A new deal (of the rep's open deals) or a quota said without a currency takes it, so it
    /// counts with the rest.
    /// </summary>
    public static string? UsualCurrency(IEnumerable<Deal> deals)
    {
        var currencies = deals.Where(d => !d.IsDeleted && d.Amount is not null).Select(d => d.Amount!.Value.Currency).Distinct().Take(2).ToList();
        return currencies is [{ } only] ? only : null;
    }

    /// <summary><paramref name="amount"/>, in <paramref name="currency"/> when it was said without one.</summary>
    public static Money InCurrencyIfNone(Money amount, string? currency) =>
        amount.Currency is null && currency is not null ? amount with { Currency = currency } : amount;

    public static DealChange SetExpectedClose(Deal deal, DateOnly date, DateOnly today, DateTimeOffset now, Actor actor)
    {
        if (RefuseClosed(deal) is { } refusal)
        {
            return refusal;
        }

        return date < today
            ? DealChange.Refused(Refusal.ExpectedCloseInPast(date))
            : DealChange.Changed(Touch(deal with { ExpectedClose = date }, now, actor));
    }

    /// <summary>
    /// Why a deal cannot be called <paramref name="cleanName"/> (as <see cref="CleanText"/> leaves it), or null when it can:
    /// one rule for a new deal and a rename, so both get the same answer. A name needs a letter or a digit, fits in
    /// <see cref="MaxNameLength"/>, and has no word that makes any message naming it a command that changes another deal.
    /// </summary>
    public static Refusal? NameRefusal(string cleanName)
    {
        ArgumentNullException.ThrowIfNull(cleanName);
        // "!!!" or "..." is no more a name than nothing: no message could name the deal.
        if (!cleanName.Any(char.IsLetterOrDigit))
        {
            return Refusal.NameMissing();
        }

        if (cleanName.Length > MaxNameLength)
        {
            return Refusal.NameTooLong(cleanName.Length, MaxNameLength);
        }

        // "move Undo Labs to qualify" would undo the rep's last change: such a name could never be used.
        return CommandParser.ReadsAsUndo($"show {cleanName}") ? Refusal.NameReadsAsUndo(cleanName) : null;
    }

    /// <summary>Removes control characters and collapses whitespace: names and notes are shown in cards and must stay one tidy line.</summary>
    public static string CleanText(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static DealChange? RefuseClosed(Deal deal) =>
        deal.IsOpen ? null : DealChange.Refused(Refusal.AlreadyClosed(deal.Name, deal.Status));

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static Deal Touch(Deal deal, DateTimeOffset now, Actor actor) => deal with
    {
        UpdatedAt = now,
        History = deal.History.Count <= MaxHistory ? deal.History : [deal.History[0], .. deal.History.TakeLast(MaxHistory - 1)],
        AppliedActivities = actor.ActivityId is null
            ? deal.AppliedActivities
            : [.. deal.AppliedActivities.TakeLast(Deal.RememberedActivities - 1), actor.ActivityId],
    };
}
