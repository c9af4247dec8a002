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
        var today = period.LocalDay(now);
        var open = deals.Where(d => d.IsOpen).Select(d => DealView.For(d, process, now, today)).ToList();
        return new StatsReport(
            Figures(deals, process, period, now),
            Figures(deals, process, period.Previous(), now),
            open.Count,
            open.Count(v => v.IsStalled(now)),
            open.Count(v => v.IsNextStepOverdue),
            open.Count(v => v.Deal.NextStep is null));
    }

    /// <summary>
    /// What happened in <paramref name="period"/>: activities by the day they were done, deals created, moves between
    /// stages, next steps set and done (from the deal's next-step history; a deal saved before it was kept counts its
    /// current step as set and none as done), deals won and lost by their close instant, and the stays that
    /// ended in it. A reopened deal counts only as it stands: its undone win is not a win.
    /// </summary>
    public static PeriodFigures Figures(IEnumerable<Deal> deals, SalesProcess process, ReportPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(period);
        var activities = new Dictionary<ActivityKind, int>();
        int created = 0, moves = 0, nextSteps = 0, won = 0, lost = 0, stepsDone = 0, stepsDoneWithDue = 0, stepsOnTime = 0;
        var wonAmounts = new List<Money>();
        var lostAmounts = new List<Money>();
        var cycles = new List<TimeSpan>();
        var stays = new List<StageStay>();
        // A deleted deal is gone for the rep: none of its activities, wins or stays count.
        foreach (var deal in deals.Where(d => !d.IsDeleted))
        {
            foreach (var activity in deal.Activities.Where(a => period.Contains(a.Date)))
            {
                activities[activity.Kind] = activities.GetValueOrDefault(activity.Kind) + 1;
            }

            created += period.Contains(deal.CreatedAt) ? 1 : 0;
            var model = process.ModelOrDefault(deal.ModelId);
            moves += deal.History.Count(h => h.FromStageId is not null && period.Contains(h.At) && model.GetStage(h.ToStageId) is { IsClosed: false });
            if (deal.NextStepHistory.Count == 0)
            {
                // Saved before next steps were kept: only the current one is known, and none counts as done or late.
                nextSteps += deal.NextStep is { } step && period.Contains(step.SetAt) ? 1 : 0;
            }

            foreach (var record in deal.NextStepHistory)
            {
                nextSteps += period.Contains(record.SetAt) ? 1 : 0;
                if (record.DoneAt is not { } doneAt)
                {
                    continue;
                }

                var doneOn = record.DoneOn ?? period.LocalDay(doneAt);
                if (record.DoneOn is { } day ? period.Contains(day) : period.Contains(doneAt))
                {
                    stepsDone++;
                    stepsDoneWithDue += record.Due is null ? 0 : 1;
                    stepsOnTime += record.Due is { } due && doneOn <= due ? 1 : 0;
                }
            }

            if (deal.ClosedAt is { } closed && period.Contains(closed))
            {
                if (deal.Status == DealStatus.Won)
                {
                    won++;
                    cycles.Add(closed - deal.CreatedAt);
                    AddAmount(wonAmounts, deal);
                }
                else if (deal.Status == DealStatus.Lost)
                {
                    lost++;
                    AddAmount(lostAmounts, deal);
                }
            }

            // A stay ends with a move or the close: a deal with neither in the period has no stay that ended in it.
            if (deal.History.Any(h => period.Contains(h.At)) || (deal.ClosedAt is { } end && period.Contains(end)))
            {
                stays.AddRange(StageStays.Of(deal, process).Where(s => s.Left is { } left && period.Contains(left)));
            }
        }

        var stages = stays
            .GroupBy(s => (s.Model.Id, s.Stage.Id))
            .Select(g => new StageFigures(
                g.First().Model,
                g.First().Stage,
                g.Count(),
                g.Count(s => s.Converted == true),
                TimeSpan.FromTicks((long)g.Average(s => s.Length(now).Ticks)),
                g.Count(s => s.IsOver(now))))
            .OrderBy(f => f.Model.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Model.IndexOf(f.Stage))
            .ToList();
        var wonTotals = MoneyTotals.Sum(wonAmounts);
        return new PeriodFigures(
            period,
            activities,
            created,
            moves,
            nextSteps,
            won,
            wonTotals,
            lost,
            MoneyTotals.Sum(lostAmounts),
            cycles.Count == 0 ? null : TimeSpan.FromTicks((long)cycles.Average(c => c.Ticks)),
            stages)
        {
            NextStepsDone = stepsDone,
            NextStepsDoneWithDue = stepsDoneWithDue,
            NextStepsDoneOnTime = stepsOnTime,
            AverageWon = wonTotals.PerCurrency
                .Select(total => total with { Amount = total.Amount / wonAmounts.Count(m => m.Currency == total.Currency) })
                .ToList(),
        };
    }

    private static void AddAmount(List<Money> amounts, Deal deal)
    {
        if (deal.Amount is { } amount)
        {
            amounts.Add(amount);
        }
    }
}
