using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Insights;

/// <summary>
/// The running counts behind one period's <see cref="PeriodFigures"/>: the only place the figures' rules live. Several
/// periods are tallied in one pass over each deal (<see cref="AddDeal"/>: a deal's model, stays and next steps are
/// worked out once, and each of its instants is then only compared with each period's edges), and tallies of the same
/// period over different deals add up (<see cref="Add(PeriodTally)"/>), so a team's figures are its reps' figures summed,
/// not a second pass over every deal. Sums are kept whole (ticks, amounts), so a sum of tallies gives exactly the
/// figures one tally over all the deals would.
/// </summary>
internal sealed class PeriodTally(ReportPeriod period)
{
    private readonly Dictionary<ActivityKind, int> _activities = [];
    private readonly List<Money> _wonAmounts = [];
    private readonly List<Money> _lostAmounts = [];
    private readonly Dictionary<(string Model, string Stage), StageTally> _stages = [];
    private int _created, _moves, _nextSteps, _won, _lost, _stepsDone, _stepsDoneWithDue, _stepsOnTime;
    private long _cycleTicks;
    private int _cycles;

    public ReportPeriod Period => period;

    /// <summary>One tally per period, each over <paramref name="deals"/>, in one pass over each deal.</summary>
    public static PeriodTally[] Of(IEnumerable<Deal> deals, SalesProcess process, IReadOnlyList<ReportPeriod> periods, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(periods);
        var tallies = periods.Select(p => new PeriodTally(p)).ToArray();
        foreach (var deal in deals)
        {
            AddDeal(deal, process, tallies, now);
        }

        return tallies;
    }

    /// <summary>
    /// What <paramref name="deal"/> did in each tally's period: activities by the day they were done, its creation, its
    /// moves between stages, its next steps set and done, its win or loss by the close instant, and its stays that ended.
    /// </summary>
    public static void AddDeal(Deal deal, SalesProcess process, PeriodTally[] tallies, DateTimeOffset now)
    {
        // A deleted deal is gone for the rep: none of its activities, wins or stays count.
        if (deal.IsDeleted)
        {
            return;
        }

        foreach (var activity in deal.Activities)
        {
            foreach (var tally in tallies)
            {
                if (tally.Period.Contains(activity.Date))
                {
                    tally._activities[activity.Kind] = tally._activities.GetValueOrDefault(activity.Kind) + 1;
                }
            }
        }

        foreach (var tally in tallies)
        {
            tally._created += tally.Period.Contains(deal.CreatedAt) ? 1 : 0;
        }

        var model = process.ModelOrDefault(deal.ModelId);
        var anyMove = false;
        foreach (var change in deal.History)
        {
            var counts = change.FromStageId is not null && model.GetStage(change.ToStageId) is { IsClosed: false };
            foreach (var tally in tallies)
            {
                if (tally.Period.Contains(change.At))
                {
                    anyMove = true;
                    tally._moves += counts ? 1 : 0;
                }
            }
        }

        if (deal.NextStepHistory.Count == 0 && deal.NextStep is { } step)
        {
            // Saved before next steps were kept: only the current one is known, and none counts as done or late.
            foreach (var tally in tallies)
            {
                tally._nextSteps += tally.Period.Contains(step.SetAt) ? 1 : 0;
            }
        }

        foreach (var record in deal.NextStepHistory)
        {
            foreach (var tally in tallies)
            {
                tally.AddNextStep(record);
            }
        }

        var closedIn = false;
        if (deal.ClosedAt is { } closed)
        {
            foreach (var tally in tallies)
            {
                if (!tally.Period.Contains(closed))
                {
                    continue;
                }

                closedIn = true;
                if (deal.Status == DealStatus.Won)
                {
                    tally._won++;
                    tally._cycleTicks += (closed - deal.CreatedAt).Ticks;
                    tally._cycles++;
                    AddAmount(tally._wonAmounts, deal);
                }
                else if (deal.Status == DealStatus.Lost)
                {
                    tally._lost++;
                    AddAmount(tally._lostAmounts, deal);
                }
            }
        }

        // A stay ends with a move or the close: a deal with neither in any period has no stay that ended in one.
        if (anyMove || closedIn)
        {
            foreach (var stay in StageStays.Of(deal, process))
            {
                if (stay.Left is not { } left)
                {
                    continue;
                }

                foreach (var tally in tallies)
                {
                    if (tally.Period.Contains(left))
                    {
                        tally.AddStay(stay, now);
                    }
                }
            }
        }
    }

    /// <summary>Adds <paramref name="other"/>'s counts (the same period, other deals) to this tally's.</summary>
    public void Add(PeriodTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (kind, count) in other._activities)
        {
            _activities[kind] = _activities.GetValueOrDefault(kind) + count;
        }

        _created += other._created;
        _moves += other._moves;
        _nextSteps += other._nextSteps;
        _won += other._won;
        _lost += other._lost;
        _stepsDone += other._stepsDone;
        _stepsDoneWithDue += other._stepsDoneWithDue;
        _stepsOnTime += other._stepsOnTime;
        _cycleTicks += other._cycleTicks;
        _cycles += other._cycles;
        _wonAmounts.AddRange(other._wonAmounts);
        _lostAmounts.AddRange(other._lostAmounts);
        foreach (var (key, stage) in other._stages)
        {
            _stages[key] = _stages.TryGetValue(key, out var mine) ? mine.Plus(stage) : stage;
        }
    }

    public PeriodFigures ToFigures()
    {
        var stages = _stages.Values
            .Select(s => new StageFigures(s.Model, s.Stage, s.Exits, s.Converted, Mean(s.Ticks, s.Exits), s.Over))
            .OrderBy(f => f.Model.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Model.IndexOf(f.Stage))
            .ToList();
        var wonTotals = MoneyTotals.Sum(_wonAmounts);
        return new PeriodFigures(
            period,
            new Dictionary<ActivityKind, int>(_activities),
            _created,
            _moves,
            _nextSteps,
            _won,
            wonTotals,
            _lost,
            MoneyTotals.Sum(_lostAmounts),
            _cycles == 0 ? null : Mean(_cycleTicks, _cycles),
            stages)
        {
            NextStepsDone = _stepsDone,
            NextStepsDoneWithDue = _stepsDoneWithDue,
            NextStepsDoneOnTime = _stepsOnTime,
            AverageWon = wonTotals.PerCurrency
                .Select(total => total with { Amount = total.Amount / _wonAmounts.Count(m => m.Currency == total.Currency) })
                .ToList(),
        };
    }

    // As Enumerable.Average over ticks: the whole sum divided as a double, then cut to whole ticks.
    private static TimeSpan Mean(long ticks, int count) => TimeSpan.FromTicks((long)((double)ticks / count));

    private void AddNextStep(NextStepRecord record)
    {
        _nextSteps += period.Contains(record.SetAt) ? 1 : 0;
        if (record.DoneAt is not { } doneAt)
        {
            return;
        }

        if (record.DoneOn is { } day ? period.Contains(day) : period.Contains(doneAt))
        {
            _stepsDone++;
            if (record.Due is { } due)
            {
                _stepsDoneWithDue++;
                _stepsOnTime += (record.DoneOn ?? period.LocalDay(doneAt)) <= due ? 1 : 0;
            }
        }
    }

    private void AddStay(StageStay stay, DateTimeOffset now)
    {
        var key = (stay.Model.Id, stay.Stage.Id);
        var one = new StageTally(stay.Model, stay.Stage, 1, stay.Converted == true ? 1 : 0, stay.Length(now).Ticks, stay.IsOver(now) ? 1 : 0);
        _stages[key] = _stages.TryGetValue(key, out var mine) ? mine.Plus(one) : one;
    }

    private static void AddAmount(List<Money> amounts, Deal deal)
    {
        if (deal.Amount is { } amount)
        {
            amounts.Add(amount);
        }
    }

    private readonly record struct StageTally(SellingModel Model, Stage Stage, int Exits, int Converted, long Ticks, int Over)
    {
        public StageTally Plus(StageTally other) =>
            this with { Exits = Exits + other.Exits, Converted = Converted + other.Converted, Ticks = Ticks + other.Ticks, Over = Over + other.Over };
    }
}
