namespace SalesCoachBot.Core.Deals;

/// <summary>What a change did to a deal, as data: the host words it ("Undid the move of Contoso Ltd to Qualify").</summary>
public enum DealEdit
{
    Created,
    Deleted,
    Won,
    Lost,
    Reopened,
    Moved,
    ModelChanged,
    Renamed,
    AmountChanged,
    CloseDateChanged,
    NextStepChanged,
    CustomerTypeChanged,
    ActivityLogged,
    CriteriaConfirmed,
    ActionsTicked,
    Snoozed,

    /// <summary>The rep asked to be reminded on a day ("remind me about tailspin friday"), or moved that reminder.</summary>
    ReminderAsked,
}

/// <summary>One change the rep made to a deal, with the deal as it was before it (null: the change created the deal).</summary>
/// <param name="At">When the change was saved.</param>
/// <param name="By">Who made it (the owner's user id: only the owner changes a deal).</param>
/// <param name="Edits">What the change did, in the order the host words it; several for "fabrikam: 30k, closes march 3".</param>
/// <param name="Before">The deal before the change, without its own undo trail or remembered activity ids.</param>
public sealed record UndoEntry(DateTimeOffset At, string By, IReadOnlyList<DealEdit> Edits, Deal? Before);

/// <summary>
/// The undo trail kept in each deal: every change the rep makes records the deal as it was, and <c>undo</c> puts the
/// newest one of any of the rep's deals back. Pure.
/// </summary>
public static class UndoTrail
{
    /// <summary>How many changes of one deal can be undone; older ones drop off (a snapshot each, so the document stays small).</summary>
    public const int MaxEntriesPerDeal = 10;

    /// <summary>Only changes this recent are undone; older ones are dropped from the trail when the deal is next written.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>
    /// The deal after a change, with the change added to its trail; unchanged when nothing the rep can see changed
    /// (a reminder sent, a claim taken: the sweep's bookkeeping is not the rep's to undo).
    /// </summary>
    public static Deal Record(Deal? before, Deal after, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(after);
        var edits = EditsBetween(before, after);
        if (edits.Count == 0)
        {
            return after;
        }

        var kept = (before?.Undo ?? []).Where(e => e.At > at - Window).TakeLast(MaxEntriesPerDeal - 1);
        return after with { Undo = [.. kept, new UndoEntry(at, after.OwnerId, edits, before is null ? null : Snapshot(before))] };
    }

    /// <summary>What changed between two versions of a deal that the rep would call a change.</summary>
    public static IReadOnlyList<DealEdit> EditsBetween(Deal? before, Deal after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            return [DealEdit.Created];
        }

        if (!before.IsDeleted && after.IsDeleted)
        {
            return [DealEdit.Deleted];
        }

        var edits = new List<DealEdit>();
        if (before.Status != after.Status)
        {
            edits.Add(after.Status switch
            {
                DealStatus.Won => DealEdit.Won,
                DealStatus.Lost => DealEdit.Lost,
                _ => DealEdit.Reopened,
            });
        }
        else if (before.ModelId != after.ModelId)
        {
            edits.Add(DealEdit.ModelChanged);
        }
        else if (before.StageId != after.StageId)
        {
            edits.Add(DealEdit.Moved);
        }

        if (before.Name != after.Name)
        {
            edits.Add(DealEdit.Renamed);
        }

        if (before.Amount != after.Amount)
        {
            edits.Add(DealEdit.AmountChanged);
        }

        if (before.ExpectedClose != after.ExpectedClose)
        {
            edits.Add(DealEdit.CloseDateChanged);
        }

        // Won and lost clear the next step; that is part of the close, not a second change.
        if (before.NextStep != after.NextStep && before.Status == after.Status)
        {
            edits.Add(DealEdit.NextStepChanged);
        }

        if (before.CustomerTypeId != after.CustomerTypeId)
        {
            edits.Add(DealEdit.CustomerTypeChanged);
        }

        if (before.Activities.Count != after.Activities.Count || !before.Activities.SequenceEqual(after.Activities))
        {
            edits.Add(DealEdit.ActivityLogged);
        }

        if (before.StageId == after.StageId && !SameConfirmations(before.History, after.History))
        {
            edits.Add(DealEdit.CriteriaConfirmed);
        }

        if (before.StageId == after.StageId && !before.DoneActions.SequenceEqual(after.DoneActions))
        {
            edits.Add(DealEdit.ActionsTicked);
        }

        // A close drops the reminder asked for; that is part of the close. The sweep clearing it once sent is bookkeeping.
        if (before.AskedReminder != after.AskedReminder && after.AskedReminder is not null && before.Status == after.Status)
        {
            edits.Add(DealEdit.ReminderAsked);
        }

        // A snooze set, moved, or lifted by the rep ("unsnooze kappa"); a close ends it as part of the close.
        if (before.Reminder.SnoozedUntil != after.Reminder.SnoozedUntil && (after.Reminder.SnoozedUntil is not null || before.Status == after.Status))
        {
            edits.Add(DealEdit.Snoozed);
        }

        return edits;
    }

    /// <summary>The newest change of any of these deals (one rep's, deleted ones included), within the window or not.</summary>
    public static (Deal Deal, UndoEntry Entry)? Latest(IEnumerable<Deal> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        return deals
            .Where(d => d.Undo.Count > 0)
            .Select(d => ((Deal Deal, UndoEntry Entry)?)(d, d.Undo[^1]))
            .MaxBy(p => p!.Value.Entry.At);
    }

    /// <summary>Whether an entry is recent enough to be undone at <paramref name="now"/>.</summary>
    public static bool CanUndo(UndoEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.At > now - Window;
    }

    /// <summary>
    /// Puts back the newest entry of the deal's trail: the deal as it was (an undone create is deleted, softly, so a
    /// second undo could not bring back what the first took away). The reminder ladder stays where it is (a reminder
    /// already sent is not sent again), but a snooze that was undone is lifted. Null when the trail's newest entry is no
    /// longer <paramref name="expected"/> (another change came in between: the rep is asked again). A reminder the rep asked
    /// for comes back with the deal as it was, unless it has been sent since: it goes out once.
    /// </summary>
    public static Deal? Undo(Deal current, UndoEntry expected, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(actor);
        // Entries compare by when they were saved: each read of the deal gives new list instances.
        if (current.Undo.Count == 0 || current.Undo[^1].At != expected.At)
        {
            return null;
        }

        var applied = actor.ActivityId is null
            ? current.AppliedActivities
            : [.. current.AppliedActivities.TakeLast(Deal.RememberedActivities - 1), actor.ActivityId];
        var rest = current.Undo.Take(current.Undo.Count - 1).ToList();
        if (expected.Before is not { } before)
        {
            return current with { DeletedAt = now, DeletedBy = current.OwnerId, Undo = rest, UpdatedAt = now, AppliedActivities = applied };
        }

        return before with
        {
            Undo = rest,
            AppliedActivities = applied,
            UpdatedAt = now,
            Reminder = current.Reminder with { SnoozedUntil = before.Reminder.SnoozedUntil },
            AskedReminder = before.AskedReminder is { } asked && current.Reminder.LastAskedSent?.SetAt >= asked.SetAt ? null : before.AskedReminder,
            ETag = current.ETag,
        };
    }

    private static Deal Snapshot(Deal deal) => deal with { Undo = [], AppliedActivities = [], ETag = null };

    private static bool SameConfirmations(IReadOnlyList<StageChange> before, IReadOnlyList<StageChange> after) =>
        before.Count == after.Count
        && before.Zip(after).All(p => (p.First.ConfirmedLater?.Count ?? 0) == (p.Second.ConfirmedLater?.Count ?? 0));
}
