using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Reminders;

/// <summary>Why a deal needs attention, as data: reminders and nudges show it, worded by the host.</summary>
public abstract record ReminderReason
{
    /// <summary>
    /// The reason a due reminder gives: a next step whose date has passed (in the rep's time zone) first, then time in
    /// the stage beyond what it allows, else a plain follow-up.
    /// </summary>
    public static ReminderReason For(Deal deal, Stage stage, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(stage);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (deal.NextStep?.Due is { } due && due < today)
        {
            return new NextStepOverdue(deal.NextStep.Text, due);
        }

        if (stage.AllowedTime is { } allowed && now - deal.StageEnteredAt > allowed)
        {
            return new OverAllowedTime(stage.Name, allowed, now - deal.StageEnteredAt - allowed);
        }

        return new FollowUpDue(stage.Name);
    }
}

/// <summary>The rep's own next step was due on <paramref name="Due"/>, which has passed.</summary>
public sealed record NextStepOverdue(string Step, DateOnly Due) : ReminderReason;

/// <summary>The deal has been in <paramref name="StageName"/> for its allowed time plus <paramref name="Over"/>.</summary>
public sealed record OverAllowedTime(string StageName, TimeSpan Allowed, TimeSpan Over) : ReminderReason;

/// <summary>Neither of the above holds when the rung falls due: a follow-up on the deal in <paramref name="StageName"/> is due.</summary>
public sealed record FollowUpDue(string StageName) : ReminderReason;

/// <summary>The rep asked to be reminded about the deal on <paramref name="On"/>, with <paramref name="Note"/> when they said what for.</summary>
public sealed record AskedReminderDue(DateOnly On, string? Note) : ReminderReason;
