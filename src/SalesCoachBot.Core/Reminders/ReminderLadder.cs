using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Reminders;

/// <summary>
/// The escalation ladder: a first reminder when the stage's allowed time passes or the next step's due date has
/// passed; a second after the reminder grace; then a nudge to the manager after the escalation grace. Pure. The
/// reminder a rep asks for on a day (<see cref="Deal.AskedReminder"/>) is due apart from it (<see cref="AskedDue"/>).
/// </summary>
public static class ReminderLadder
{
    /// <summary>Next-step due dates end at the end of the day somewhere: the earliest end of a day on Earth is UTC+14.</summary>
    private static readonly TimeSpan _earliestEndOfDay = TimeSpan.FromHours(14);

    /// <summary>When the first rung falls due, exactly, for a rep in <paramref name="zone"/>; null when nothing is overdue ever.</summary>
    public static DateTimeOffset? FirstDue(Deal deal, Stage stage, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(zone);
        DateTimeOffset? stageOverdue = !stage.IsClosed && stage.AllowedTime is { } allowed ? ClockStart(deal) + allowed : null;
        DateTimeOffset? stepOverdue = deal.NextStep?.Due is { } due ? WorkingHours.ToInstant(due.AddDays(1), TimeOnly.MinValue, zone) : null;
        return Earliest(stageOverdue, stepOverdue);
    }

    /// <summary>When the next rung is due exactly, given what was sent and any snooze; null when the ladder is done.</summary>
    public static DateTimeOffset? NextDue(Deal deal, Stage stage, EscalationTiming timing, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(timing);
        // Closed deals are done, except a won deal's dated follow-up (its next step), which is reminded like any next step.
        if (!deal.IsReminded || (stage.IsClosed && deal.NextStep?.Due is null))
        {
            return null;
        }

        var state = deal.Reminder;
        DateTimeOffset? due = state.Sent switch
        {
            Rung.None => FirstDue(deal, stage, zone),
            Rung.FirstReminder => state.LastSentAt + (stage.ReminderGrace ?? timing.ReminderGrace),
            Rung.SecondReminder => state.LastSentAt + (stage.EscalationGrace ?? timing.EscalationGrace),
            _ => null,
        };
        return due is { } d && state.SnoozedUntil is { } snooze && snooze > d ? snooze : due;
    }

    /// <summary>
    /// When the reminder the rep asked for is due, exactly: the start of its day in <paramref name="zone"/> (the sweep then
    /// waits for the rep's working hours, so it comes at the start of their working day). Apart from the ladder: a snooze
    /// does not hold it. Null when none is pending or the deal is closed or deleted.
    /// </summary>
    public static DateTimeOffset? AskedDue(Deal deal, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(zone);
        return deal.IsOpen && deal.AskedReminder is { } asked ? WorkingHours.ToInstant(asked.On, TimeOnly.MinValue, zone) : null;
    }

    /// <summary>
    /// The earliest anything is due whatever the rep's time zone, the next rung or the reminder the rep asked for: what the
    /// store indexes.
    /// </summary>
    public static DateTimeOffset? EarliestDue(Deal deal, Stage stage, EscalationTiming timing)
    {
        ArgumentNullException.ThrowIfNull(deal);
        // A day starts somewhere first: at UTC+14, 14 hours before it starts in UTC.
        var asked = deal.IsOpen && deal.AskedReminder is { } reminder
            ? WorkingHours.ToInstant(reminder.On, TimeOnly.MinValue, TimeZoneInfo.Utc) - _earliestEndOfDay
            : (DateTimeOffset?)null;
        return Earliest(EarliestRung(deal, stage, timing), asked);
    }

    private static DateTimeOffset? EarliestRung(Deal deal, Stage stage, EscalationTiming timing)
    {
        var due = NextDue(deal, stage, timing, TimeZoneInfo.Utc);
        if (due is null || deal.Reminder.Sent != Rung.None || deal.NextStep?.Due is null)
        {
            return due;
        }

        var stepEarliest = WorkingHours.ToInstant(deal.NextStep.Due.Value.AddDays(1), TimeOnly.MinValue, TimeZoneInfo.Utc) - _earliestEndOfDay;
        var earliest = Earliest(!stage.IsClosed && stage.AllowedTime is { } allowed ? ClockStart(deal) + allowed : null, stepEarliest);
        return deal.Reminder.SnoozedUntil is { } snooze && snooze > earliest ? snooze : earliest;
    }

    /// <summary>
    /// Keeps a deal's reminder state in step with a change: progress (a stage move, a new next step, a close) cancels
    /// pending reminders and restarts the clock; any other change keeps the ladder where it is.
    /// </summary>
    public static Deal AfterChange(Deal? before, Deal after, SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(process);
        // A logged call or meeting is the rep acting on the deal: the reminder ladder starts again, like a new next step.
        var progressed = before is null
            || before.StageId != after.StageId
            || before.Status != after.Status
            || before.NextStep != after.NextStep
            || before.Activities.Count != after.Activities.Count;
        var state = progressed
            ? new ReminderState
            {
                ClockStart = after.UpdatedAt > after.StageEnteredAt ? after.UpdatedAt : after.StageEnteredAt,
                Parked = after.Reminder.Parked,
                LastAskedSent = after.Reminder.LastAskedSent,
            }
            : after.Reminder;
        var withState = after with { Reminder = state };
        var model = process.ModelOrDefault(after.ModelId);
        var stage = model.GetStage(after.StageId) ?? model.FirstStage;
        return withState with { Reminder = state with { DueAt = EarliestDue(withState, stage, process.Defaults) } };
    }

    private static DateTimeOffset ClockStart(Deal deal) =>
        deal.Reminder.ClockStart is { } start && start > deal.StageEnteredAt ? start : deal.StageEnteredAt;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
