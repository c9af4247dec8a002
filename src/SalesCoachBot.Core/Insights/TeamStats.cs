using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Insights;

/// <summary>"team stats": each rep's stats, the team's, and the team's figures week by week (the trend).</summary>
/// <param name="Reps">Each rep's stats, in the order the reps were given.</param>
/// <param name="Team">The team's: the reps' figures summed, exactly what one pass over all their deals would give.</param>
/// <param name="Weeks">The team's figures of each week asked for, in that order.</param>
public sealed record TeamStatsReport(IReadOnlyList<StatsReport> Reps, StatsReport Team, IReadOnlyList<PeriodFigures> Weeks);

/// <summary>
/// One rep's part of team stats, counted one deal at a time: the running counts of the period, the one before it and
/// each week, each deal's events compared with every period's edges in one pass, and what stands now among open deals.
/// </summary>
public sealed class RepTally : IDealTally
{
    private readonly SalesProcess _process;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly PeriodTally[] _tallies;
    private OpenNow _open;

    internal RepTally(SalesProcess process, ReportPeriod period, IReadOnlyList<ReportPeriod> weeks, DateTimeOffset now)
    {
        _process = process;
        _now = now;
        _today = period.LocalDay(now);
        _tallies = [new PeriodTally(period), new PeriodTally(period.Previous()), .. weeks.Select(w => new PeriodTally(w))];
    }

    /// <summary>How many deals were counted.</summary>
    public int Deals { get; private set; }

    internal IReadOnlyList<PeriodTally> Tallies => _tallies;

    internal OpenNow Open => _open;

    public void Add(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        Deals++;
        PeriodTally.AddDeal(deal, _process, _tallies, _now);
        _open = _open.With(deal, _process, _now, _today);
    }

    /// <summary>The rep's stats of the period, the previous period beside it: as <see cref="RepStats.For"/> gives them.</summary>
    public StatsReport Stats() => RepStats.Report(_tallies[0].ToFigures(), _tallies[1].ToFigures(), _open);
}

public static class TeamStats
{
    /// <summary>A rep's tally of <paramref name="period"/>, the period before it and each of <paramref name="weeks"/>, to count their deals into.</summary>
    public static RepTally Start(SalesProcess process, ReportPeriod period, IReadOnlyList<ReportPeriod> weeks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(weeks);
        return new RepTally(process, period, weeks, now);
    }

    /// <summary>
    /// The team's stats from its reps' tallies (started with the same period and weeks): each rep's, and the team's
    /// summed rather than worked out again over every deal.
    /// </summary>
    public static TeamStatsReport Sum(IReadOnlyList<RepTally> reps, ReportPeriod period, IReadOnlyList<ReportPeriod> weeks)
    {
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(weeks);
        ReportPeriod[] periods = [period, period.Previous(), .. weeks];
        var team = periods.Select(p => new PeriodTally(p)).ToArray();
        var open = default(OpenNow);
        foreach (var rep in reps)
        {
            for (var p = 0; p < periods.Length; p++)
            {
                team[p].Add(rep.Tallies[p]);
            }

            open = open.Plus(rep.Open);
        }

        return new TeamStatsReport(
            reps.Select(r => r.Stats()).ToList(),
            RepStats.Report(team[0].ToFigures(), team[1].ToFigures(), open),
            team.Skip(2).Select(t => t.ToFigures()).ToList());
    }

    /// <summary>The same, from each rep's deals.</summary>
    public static TeamStatsReport For(
        IReadOnlyList<IReadOnlyCollection<Deal>> reps, SalesProcess process, ReportPeriod period, IReadOnlyList<ReportPeriod> weeks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reps);
        var tallies = reps.Select(deals =>
        {
            var tally = Start(process, period, weeks, now);
            foreach (var deal in deals)
            {
                tally.Add(deal);
            }

            return tally;
        }).ToList();
        return Sum(tallies, period, weeks);
    }
}
