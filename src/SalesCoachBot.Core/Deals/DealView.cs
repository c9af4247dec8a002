using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Deals;

/// <summary>
/// A deal read against its process: which stage it is in, for how long, and whether that is longer than allowed.
/// Durations stay <see cref="TimeSpan"/>s; the host says them in words.
/// </summary>
public sealed record DealView(
    Deal Deal,
    SellingModel Model,
    Stage Stage,
    TimeSpan TimeInStage,
    TimeSpan? AllowedTime,
    bool IsOverdue,
    bool IsNextStepOverdue)
{
    /// <summary>The deal's customer type from the process file, when the rep said it and the file still has it.</summary>
    public CustomerType? CustomerType { get; init; }

    /// <summary>Until when the rep snoozed the deal's reminders, while that is still ahead; null when not snoozed.</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }

    public static DealView For(Deal deal, SalesProcess process, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(process);
        var model = process.ModelOrDefault(deal.ModelId);

        // A replaced process file may have dropped the stage; show the deal at the model's first stage rather than fail.
        var stage = model.GetStage(deal.StageId) ?? model.FirstStage;
        var inStage = deal.IsOpen ? now - deal.StageEnteredAt : (deal.ClosedAt ?? now) - deal.StageEnteredAt;
        var allowed = deal.IsOpen ? stage.AllowedTime : null;
        return new DealView(
            deal,
            model,
            stage,
            inStage < TimeSpan.Zero ? TimeSpan.Zero : inStage,
            allowed,
            allowed is { } limit && inStage > limit,
            deal.IsOpen && deal.NextStep?.Due is { } due && due < today)
        {
            CustomerType = deal.CustomerTypeId is { } type ? process.CustomerTypes.FirstOrDefault(c => c.Id == type) : null,
            SnoozedUntil = deal.IsOpen && deal.Reminder.SnoozedUntil is { } until && until > now ? until : null,
        };
    }

    /// <summary>
    /// Stalled: no progress for longer than the stage allows (the reminder clock restarts with each move, next step
    /// or close), or the next step's date has passed. A deal long in its stage but with fresh progress is not stalled.
    /// </summary>
    public bool IsStalled(DateTimeOffset now)
    {
        var clockStart = Deal.Reminder.ClockStart is { } start && start > Deal.StageEnteredAt ? start : Deal.StageEnteredAt;
        return IsNextStepOverdue || (AllowedTime is { } allowed && now - clockStart > allowed);
    }
}
