using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Deals;

/// <summary>Rules for fixing a deal (reopen, rename, another selling model or customer type) and for what the rep did on it.</summary>
public static partial class DealRules
{
    /// <summary>How many activities a deal keeps; the oldest go first.</summary>
    public const int MaxActivities = 200;

    /// <summary>A closed deal is open again, in the open stage it closed from (or the model's first).</summary>
    public static DealChange Reopen(Deal deal, SellingModel model, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        if (deal.IsOpen)
        {
            return DealChange.Refused(Refusal.AlreadyOpen(deal.Name));
        }

        var back = deal.History.LastOrDefault(h => h.FromStageId is not null && model.GetStage(h.FromStageId) is { IsClosed: false })?.FromStageId;
        var stage = (back is null ? null : model.GetStage(back)) ?? model.FirstStage;
        // The next step it had before it closed, not the won follow-up: kept on the deal since, or in the undo trail
        // for a deal closed before that (within the trail's day); else none.
        var closing = deal.Undo.LastOrDefault(e => e.Edits.Contains(DealEdit.Won) || e.Edits.Contains(DealEdit.Lost));
        var reopened = deal with
        {
            Status = DealStatus.Open,
            ClosedAt = null,
            LostReason = null,
            StageId = stage.Id,
            StageEnteredAt = now,
            History = [.. deal.History, new StageChange(deal.StageId, stage.Id, now, actor.UserName)],
            NextStep = deal.NextStepBeforeClose ?? closing?.Before?.NextStep,
            NextStepBeforeClose = null,
        };
        return DealChange.Changed(Touch(reopened, now, actor));
    }

    /// <summary>A soft delete: the deal keeps its data, marked deleted with when and by whom, and <c>undo</c> brings it back.</summary>
    public static DealChange Delete(Deal deal, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(actor);
        return deal.IsDeleted
            ? DealChange.Refused(Refusal.AlreadyDeleted(deal.Name))
            : DealChange.Changed(Touch(deal with { DeletedAt = now, DeletedBy = deal.OwnerId }, now, actor));
    }

    public static DealChange Rename(Deal deal, string newName, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(actor);
        var clean = CleanText(newName);
        if (NameRefusal(clean) is { } badName)
        {
            return DealChange.Refused(badName);
        }

        return clean == deal.Name ? DealChange.Refused(Refusal.SameName(deal.Name)) : DealChange.Changed(Touch(deal with { Name = clean }, now, actor));
    }

    /// <summary>
    /// The deal follows another selling model. An open deal stays in its stage where the new model has one of that id
    /// or name (Negotiation is Negotiation in both): a change of model is a correction, not a move, so it never sends the
    /// deal back. Else it goes to the stage at the same place in the new model's open stages (the second open stage to
    /// the second), or the last open one when the new model is shorter. The stage history records a change of stage only.
    /// </summary>
    public static DealChange ChangeModel(Deal deal, SellingModel from, SellingModel to, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(actor);
        if (from.Id == to.Id)
        {
            return DealChange.Refused(Refusal.SameModel(deal.Name, to.Name));
        }

        Stage target;
        var current = from.GetStage(deal.StageId);
        if (current is { IsClosed: true } closed)
        {
            target = to.ClosingStage(closed.Outcome) ?? to.FirstStage;
        }
        else
        {
            var position = Math.Max(0, from.OpenStages.ToList().FindIndex(s => s.Id == deal.StageId));
            target = to.OpenStages.FirstOrDefault(s => s.Id == deal.StageId)
                ?? to.OpenStages.FirstOrDefault(s => current is not null && string.Equals(s.Name, current.Name, StringComparison.OrdinalIgnoreCase))
                ?? to.OpenStages[Math.Min(position, to.OpenStages.Count - 1)];
        }

        var changed = deal with
        {
            ModelId = to.Id,
            StageId = target.Id,
            DoneActions = [],
            History = target.Id == deal.StageId ? deal.History : [.. deal.History, new StageChange(deal.StageId, target.Id, now, actor.UserName)],
        };
        return DealChange.Changed(Touch(changed, now, actor));
    }

    public static DealChange SetCustomerType(Deal deal, CustomerType type, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(actor);
        return DealChange.Changed(Touch(deal with { CustomerTypeId = type.Id }, now, actor));
    }

    /// <summary>A call, meeting, email, demo or proposal: recorded with its date and note. It counts as progress for reminders.</summary>
    public static DealChange LogActivity(Deal deal, ActivityKind kind, DateOnly date, string? note, DateOnly today, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(actor);
        if (date > today)
        {
            return DealChange.Refused(Refusal.ActivityInFuture(date));
        }

        var cleanNote = note is null ? null : NullIfEmpty(CleanText(note));
        if (cleanNote is { Length: > MaxNextStepLength })
        {
            return DealChange.Refused(Refusal.NoteTooLong(MaxNextStepLength));
        }

        var activity = new DealActivity(kind, date, cleanNote, now, actor.UserName);

        // Something done on or after the day the open next step was set is progress on it (a day's slack for time zones:
        // the rules do not know the rep's).
        var history = date >= DateOnly.FromDateTime(deal.NextStep?.SetAt.UtcDateTime ?? now.UtcDateTime).AddDays(-1) ? StepDone(deal, now, date) : deal.NextStepHistory;
        return DealChange.Changed(Touch(deal with { Activities = [.. deal.Activities.TakeLast(MaxActivities - 1), activity], NextStepHistory = history }, now, actor));
    }
}
