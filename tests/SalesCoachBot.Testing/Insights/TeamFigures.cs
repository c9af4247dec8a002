using System.Globalization;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Testing.Insights;

/// <summary>
/// Every figure a manager's "team forecast" and "team stats" show, per rep and for the team, and the team's weekly
/// trend, written out as lines of text: two reads of the same team (the insight read and the whole deals) must give the
/// same lines. Deals are named by id, so a deal read without its undo trail compares equal to the whole one.
/// </summary>
public static class TeamFigures
{
    /// <summary>How many weeks the team stats card's trend shows (the host's <c>InsightCharts.TrendWeeks</c>).</summary>
    public const int TrendWeeks = 8;

    /// <summary>The first instant a team read must reach back to for these figures: the previous period, or the trend's first week.</summary>
    public static DateTimeOffset ReadSince(ReportPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        var first = Weeks(period, now)[0].StartsAt;
        return period.Previous().StartsAt < first ? period.Previous().StartsAt : first;
    }

    public static IReadOnlyList<string> Describe(IReadOnlyList<RepDeals> team, SalesProcess process, ReportPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(period);
        var today = period.LocalDay(now);
        var lines = new List<string>();
        foreach (var rep in team)
        {
            lines.Add($"{rep.Rep.UserId} forecast: {Describe(Forecast.For(rep.Deals, process, period, today))}");
            lines.Add($"{rep.Rep.UserId} stats: {Describe(RepStats.For(rep.Deals, process, period, now))}");
        }

        var all = team.SelectMany(r => r.Deals).ToList();
        lines.Add($"team forecast: {Describe(Forecast.For(all, process, period, today))}");
        lines.Add($"team stats: {Describe(RepStats.For(all, process, period, now))}");
        lines.AddRange(Weeks(period, now).Select(week => $"team week of {week.Start:yyyy-MM-dd}: {Describe(RepStats.Figures(all, process, week, now))}"));
        return lines;
    }

    /// <summary>
    /// The same lines worked out as the host's team questions do: each rep's forecast and tallies as that rep's deals are
    /// read (<see cref="TeamReader.TallyEachAsync"/>), the team's combined from the reps' rather than computed again.
    /// They must equal <see cref="Describe(IReadOnlyList{RepDeals}, SalesProcess, ReportPeriod, DateTimeOffset)"/> of the same deals.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DescribeAsTheHostDoesAsync(
        TeamReader team, IReadOnlyList<UserProfile> reps, DateTimeOffset since, SalesProcess process, ReportPeriod period, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(period);
        var weeks = Weeks(period, now);
        // Apart, as the host asks them: a forecast's tally lets the store leave lost deals out of the read.
        var forecasts = (await team.TallyEachAsync(reps, since, _ => new ForecastTally(process, period, period.LocalDay(now)), cancellationToken).ConfigureAwait(false))
            .Select(t => t.Report())
            .ToList();
        var stats = TeamStats.Sum(await team.TallyEachAsync(reps, since, _ => TeamStats.Start(process, period, weeks, now), cancellationToken).ConfigureAwait(false), period, weeks);
        var lines = new List<string>();
        for (var i = 0; i < reps.Count; i++)
        {
            lines.Add($"{reps[i].UserId} forecast: {Describe(forecasts[i])}");
            lines.Add($"{reps[i].UserId} stats: {Describe(stats.Reps[i])}");
        }

        lines.Add($"team forecast: {Describe(Forecast.Combine(forecasts, period))}");
        lines.Add($"team stats: {Describe(stats.Team)}");
        lines.AddRange(stats.Weeks.Select(week => $"team week of {week.Period.Start:yyyy-MM-dd}: {Describe(week)}"));
        return lines;
    }

    private static string Describe(ForecastReport report) => string.Join(
        "; ",
        $"total {Describe(report.Total)}",
        $"weighted {Describe(report.Weighted)}",
        $"commit {Describe(report.Commit)}",
        $"best case {Describe(report.BestCase)}",
        $"pipeline {Describe(report.Pipeline)}",
        $"won {Describe(report.WonInPeriod)}",
        $"without amount {report.WithoutAmount}",
        $"lines {string.Join(",", report.Lines.Select(l => $"{l.Deal.Id}:{l.Category}:{l.Probability}:{l.Overridden}"))}",
        $"to fix {string.Join(",", report.NeedsFixing.Select(f => $"{f.Deal.Id}:{f.Problem}"))}");

    private static string Describe(StatsReport report) => string.Join(
        "; ",
        $"current [{Describe(report.Current)}]",
        $"previous [{Describe(report.Previous)}]",
        $"open {report.OpenDeals}",
        $"stalled {report.Stalled}",
        $"overdue {report.NextStepOverdue}",
        $"no next step {report.NoNextStep}");

    private static string Describe(PeriodFigures figures) => string.Join(
        "; ",
        $"activities {string.Join(",", figures.Activities.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}"))}",
        $"new {figures.NewDeals}",
        $"moves {figures.StageMoves}",
        $"next steps {figures.NextStepsSet}",
        $"won {figures.Won} {Describe(figures.WonAmount)}",
        $"lost {figures.Lost} {Describe(figures.LostAmount)}",
        $"win rate {figures.WinRate?.ToString(CultureInfo.InvariantCulture)}",
        $"cycle {figures.AverageCycle}",
        $"average won {string.Join(",", figures.AverageWon.Select(m => $"{m.Amount.ToString(CultureInfo.InvariantCulture)} {m.Currency}"))}",
        $"stages {string.Join(",", figures.Stages.Select(s => $"{s.Model.Id}/{s.Stage.Id}:{s.Exits}:{s.Converted}:{s.AverageTime}:{s.OverAllowed}"))}");

    private static string Describe(MoneyTotals totals) =>
        string.Join("+", totals.PerCurrency.Select(m => $"{m.Amount.ToString(CultureInfo.InvariantCulture)} {m.Currency}"));

    // As the host's trend: the whole weeks, Monday first, ending with the one holding now, in the period's time zone.
    private static List<ReportPeriod> Weeks(ReportPeriod period, DateTimeOffset now)
    {
        var today = period.LocalDay(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return Enumerable.Range(0, TrendWeeks)
            .Select(i => monday.AddDays(-7 * (TrendWeeks - 1 - i)))
            .Select(start => ReportPeriod.Range(start, start.AddDays(6), period.Zone))
            .ToList();
    }

}
