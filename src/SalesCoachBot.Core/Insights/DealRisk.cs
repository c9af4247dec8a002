using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Insights;

/// <summary>A reason an open deal is at risk, with the points it adds to the deal's risk score.</summary>
public enum RiskReason
{
    /// <summary>The expected close date has passed (5 points).</summary>
    CloseDatePassed,

    /// <summary>The next step's date has passed (4 points).</summary>
    NextStepOverdue,

    /// <summary>Longer in its stage than the stage allows (3 points).</summary>
    OverAllowedTime,

    /// <summary>No next step at all (2 points).</summary>
    NoNextStep,

    /// <summary>Nothing logged or changed for <see cref="RiskRule.QuietDays"/> days or more (2 points).</summary>
    NoRecentActivity,

    /// <summary>Exit criteria of earlier stages still not confirmed (1 point).</summary>
    UnconfirmedCriteria,
}

/// <summary>An at-risk deal with its reasons and score; <see cref="QuietDays"/> is how long nothing happened on it.</summary>
public sealed record RiskEntry(DealView View, IReadOnlyList<RiskReason> Reasons, int Score, int QuietDays, IReadOnlyList<string> Unconfirmed);

/// <summary>
/// The stated rule for "which deals are at risk": each open deal scores the points of its reasons (see
/// <see cref="RiskReason"/>); deals with any reason are listed, highest score first, then the larger amount, then by name.
/// </summary>
public sealed record RiskRule(int QuietDays = 14)
{
    public static RiskRule Default { get; } = new();

    public static int Points(RiskReason reason) => reason switch
    {
        RiskReason.CloseDatePassed => 5,
        RiskReason.NextStepOverdue => 4,
        RiskReason.OverAllowedTime => 3,
        RiskReason.NoNextStep => 2,
        RiskReason.NoRecentActivity => 2,
        _ => 1,
    };

    public IReadOnlyList<RiskEntry> Rank(IEnumerable<Deal> deals, SalesProcess process, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(process);
        var entries = new List<RiskEntry>();
        foreach (var deal in deals.Where(d => d.IsOpen))
        {
            var view = DealView.For(deal, process, now, today);
            var reasons = new List<RiskReason>();
            if (deal.ExpectedClose is { } close && close < today)
            {
                reasons.Add(RiskReason.CloseDatePassed);
            }

            if (view.IsNextStepOverdue)
            {
                reasons.Add(RiskReason.NextStepOverdue);
            }

            if (view.IsOverdue)
            {
                reasons.Add(RiskReason.OverAllowedTime);
            }

            if (deal.NextStep is null)
            {
                reasons.Add(RiskReason.NoNextStep);
            }

            var quiet = today.DayNumber - LastTouched(deal, today).DayNumber;
            if (quiet >= QuietDays)
            {
                reasons.Add(RiskReason.NoRecentActivity);
            }

            var unconfirmed = DealRules.StillUnconfirmed(deal);
            if (unconfirmed.Count > 0)
            {
                reasons.Add(RiskReason.UnconfirmedCriteria);
            }

            if (reasons.Count > 0)
            {
                entries.Add(new RiskEntry(view, reasons, reasons.Sum(Points), quiet, unconfirmed));
            }
        }

        return entries
            .OrderByDescending(e => e.Score)
            .ThenByDescending(e => e.View.Deal.Amount?.Amount ?? 0)
            .ThenBy(e => e.View.Deal.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    // The last day anything happened on the deal: an activity done, a stage entered, a next step set, the deal created.
    // Days of instants are UTC days: a count of whole days of quiet does not need the rep's zone.
    private static DateOnly LastTouched(Deal deal, DateOnly today)
    {
        static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
        var days = new List<DateOnly> { Day(deal.CreatedAt), Day(deal.StageEnteredAt) };
        days.AddRange(deal.Activities.Select(a => a.Date));
        if (deal.NextStep is { } step)
        {
            days.Add(Day(step.SetAt));
        }

        var last = days.Max();
        return last > today ? today : last;
    }
}
