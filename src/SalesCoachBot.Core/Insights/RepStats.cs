using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Insights;

/// <summary>
/// One stage's figures over the stays that ended in a period: how many left it, how many of those went forward (to a
/// later stage or a win), how long they stayed on average, and how many stayed longer than allowed.
/// </summary>
public sealed record StageFigures(SellingModel Model, Stage Stage, int Exits, int Converted, TimeSpan AverageTime, int OverAllowed)
{
    public decimal? Conversion => Exits == 0 ? null : (decimal)Converted / Exits;
}

/// <summary>Activity and result figures of one period. Amounts are per currency (<see cref="MoneyTotals"/>).</summary>
public sealed record PeriodFigures(
    ReportPeriod Period,
    IReadOnlyDictionary<ActivityKind, int> Activities,
    int NewDeals,
    int StageMoves,
    int NextStepsSet,
    int Won,
    MoneyTotals WonAmount,
    int Lost,
    MoneyTotals LostAmount,
    TimeSpan? AverageCycle,
    IReadOnlyList<StageFigures> Stages)
{
    public int ActivityCount => Activities.Values.Sum();

    /// <summary>Won out of won and lost, by count; null with nothing closed.</summary>
    public decimal? WinRate => Won + Lost == 0 ? null : (decimal)Won / (Won + Lost);

    /// <summary>Won amount out of won and lost amounts, per currency.</summary>
    public IReadOnlyList<(string? Currency, decimal Share)> WinRateByValue =>
        WonAmount.SharesOf(MoneyTotals.Sum(WonAmount.PerCurrency.Concat(LostAmount.PerCurrency)));

    /// <summary>The average won deal, per currency, over the won deals that have an amount in that currency.</summary>
    public IReadOnlyList<Money> AverageWon { get; init; } = [];

    /// <summary>Next steps done in the period: progress made on them (an activity, a move forward, a win) while they were open.</summary>
    public int NextStepsDone { get; init; }

    /// <summary>Of <see cref="NextStepsDone"/>, those that had a due date.</summary>
    public int NextStepsDoneWithDue { get; init; }

    /// <summary>Of <see cref="NextStepsDoneWithDue"/>, those done on or before their due date (days in the rep's time zone).</summary>
    public int NextStepsDoneOnTime { get; init; }
}

/// <summary>
/// "how am I doing": a period's figures with the previous period's beside them, and what stands now (stalled deals,
/// next steps overdue or missing).
/// </summary>
public sealed record StatsReport(PeriodFigures Current, PeriodFigures Previous, int OpenDeals, int Stalled, int NextStepOverdue, int NoNextStep);

public static class RepStats
{
    public static StatsReport For(IReadOnlyCollection<Deal> deals, SalesProcess process, ReportPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(period);
        var tallies = PeriodTally.Of(deals, process, [period, period.Previous()], now);
        return Report(tallies[0].ToFigures(), tallies[1].ToFigures(), OpenNow.Of(deals, process, period, now));
    }

    /// <summary>
    /// What happened in <paramref name="period"/>: activities by the day they were done, deals created, moves between
    /// stages, next steps set and done (from the deal's next-step history; a deal saved before it was kept counts its
    /// current step as set and none as done), deals won and lost by their close instant, and the stays that
    /// ended in it. A reopened deal counts only as it stands: its undone win is not a win.
    /// </summary>
    public static PeriodFigures Figures(IEnumerable<Deal> deals, SalesProcess process, ReportPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        return PeriodTally.Of(deals, process, [period], now)[0].ToFigures();
    }

    /// <summary>The figures of each of <paramref name="periods"/>, in one pass over each deal.</summary>
    public static IReadOnlyList<PeriodFigures> Figures(IEnumerable<Deal> deals, SalesProcess process, IReadOnlyList<ReportPeriod> periods, DateTimeOffset now) =>
        PeriodTally.Of(deals, process, periods, now).Select(t => t.ToFigures()).ToList();

    internal static StatsReport Report(PeriodFigures current, PeriodFigures previous, OpenNow open) =>
        new(current, previous, open.Deals, open.Stalled, open.NextStepOverdue, open.NoNextStep);
}

/// <summary>What stands now among open deals: how many, stalled, with the next step overdue, with none. Adds up across reps.</summary>
internal readonly record struct OpenNow(int Deals, int Stalled, int NextStepOverdue, int NoNextStep)
{
    public static OpenNow Of(IEnumerable<Deal> deals, SalesProcess process, ReportPeriod period, DateTimeOffset now)
    {
        var today = period.LocalDay(now);
        var open = default(OpenNow);
        foreach (var deal in deals)
        {
            open = open.With(deal, process, now, today);
        }

        return open;
    }

    /// <summary>These counts with <paramref name="deal"/> counted too (nothing when it is not open).</summary>
    public OpenNow With(Deal deal, SalesProcess process, DateTimeOffset now, DateOnly today)
    {
        if (!deal.IsOpen)
        {
            return this;
        }

        var view = DealView.For(deal, process, now, today);
        return new OpenNow(Deals + 1, Stalled + (view.IsStalled(now) ? 1 : 0), NextStepOverdue + (view.IsNextStepOverdue ? 1 : 0), NoNextStep + (deal.NextStep is null ? 1 : 0));
    }

    public OpenNow Plus(OpenNow other) =>
        new(Deals + other.Deals, Stalled + other.Stalled, NextStepOverdue + other.NextStepOverdue, NoNextStep + other.NoNextStep);
}
