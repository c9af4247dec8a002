using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Deals;

/// <summary>A deal read against its process: which stage it is in, for how long, and whether that is longer than allowed.</summary>
public sealed record DealView(
    Deal Deal,
    SellingModel Model,
    Stage Stage,
    TimeSpan TimeInStage,
    TimeSpan? AllowedTime,
    bool IsOverdue,
    bool IsNextStepOverdue)
{
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
            deal.IsOpen && deal.NextStep?.Due is { } due && due < today);
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

    /// <summary>"3 of 14 days", "2 minutes of 30 seconds": time in stage against the allowed time, in the larger sensible unit.</summary>
    public string TimeInStageText()
    {
        if (AllowedTime is not { } allowed)
        {
            return Describe(TimeInStage, TimeInStage);
        }

        return $"{Describe(TimeInStage, allowed)} of {IsoDuration.Describe(allowed)}";
    }

    private static string Describe(TimeSpan value, TimeSpan scale)
    {
        if (scale >= TimeSpan.FromDays(1))
        {
            var days = (int)value.TotalDays;
            return days == 1 ? "1 day" : $"{days} days";
        }

        if (scale >= TimeSpan.FromHours(1))
        {
            var hours = (int)value.TotalHours;
            return hours == 1 ? "1 hour" : $"{hours} hours";
        }

        if (scale >= TimeSpan.FromMinutes(1))
        {
            var minutes = (int)value.TotalMinutes;
            return minutes == 1 ? "1 minute" : $"{minutes} minutes";
        }

        var seconds = (int)value.TotalSeconds;
        return seconds == 1 ? "1 second" : $"{seconds} seconds";
    }
}
