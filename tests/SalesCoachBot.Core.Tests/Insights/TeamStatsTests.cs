using System.Globalization;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Understanding;
using static SalesCoachBot.Core.Tests.Insights.DealStory;

namespace SalesCoachBot.Core.Tests.Insights;

/// <summary>
/// "team stats" works out every figure in one pass over each deal and sums the reps' figures for the team: a manager must
/// read exactly what one rep's stats, and the stats over all the team's deals, say.
/// </summary>
public class TeamStatsTests
{
    private static readonly DateTimeOffset _now = At(11, 20, 12);
    private static readonly ReportPeriod _november = ReportPeriod.For(PeriodKind.ThisMonth, new DateOnly(2026, 11, 20), TimeZoneInfo.Utc);

    // Three reps: wins and losses on both sides of 1 November in two currencies, a reopened win, a deleted win,
    // open deals stalled or not, next steps done on time and late, activities in several weeks.
    private static readonly IReadOnlyList<IReadOnlyCollection<Deal>> _team =
    [
        [
            Created(At(10, 20), 50_000).Did(ActivityKind.Email, new(2026, 10, 30)).MovedTo("qualify", At(11, 2)).Did(ActivityKind.Call, new(2026, 11, 3))
                .MovedTo("discovery", At(11, 5)).Won(At(11, 10)),
            Created(At(11, 1), 30_000).Lost(At(11, 12)),
            Created(At(9, 1), 20_000, "EUR").MovedTo("qualify", At(9, 20)).Won(At(10, 15)),
            Created(At(10, 1), 10_000).StepSet(new DateOnly(2026, 11, 6), At(11, 3)).Logged(ActivityKind.Call, new DateOnly(2026, 11, 5), At(11, 5, 10)),
        ],
        [
            Created(At(10, 5), 70_000, "EUR").MovedTo("qualify", At(10, 9)).MovedTo("discovery", At(11, 4)).Won(At(11, 18)),
            Created(At(10, 6), 15_000).Won(At(11, 2)).Reopened(At(11, 3)),
            Created(At(10, 7), 5_000).Won(At(11, 9)).With(d => d with { DeletedAt = At(11, 10) }),
            Created(At(8, 1), 40_000).StepSet(new DateOnly(2026, 10, 1), At(9, 20)).Lost(At(10, 30)),
            Created(At(11, 15)).Did(ActivityKind.Meeting, new(2026, 11, 16)),
        ],
        [
            Created(At(10, 25), 12_000).MovedTo("qualify", At(11, 11)).StepSet(new DateOnly(2026, 11, 12), At(11, 11, 10))
                .Logged(ActivityKind.Demo, new DateOnly(2026, 11, 14), At(11, 14, 10)).Won(At(11, 19)),
            Created(At(9, 10), 8_000).Did(ActivityKind.Demo, new(2026, 10, 20)).Lost(At(10, 31, 23)),
        ],
    ];

    private static readonly IReadOnlyList<ReportPeriod> _weeks =
        [.. Enumerable.Range(0, 8).Select(i => ReportPeriod.Range(new DateOnly(2026, 9, 28).AddDays(7 * i), new DateOnly(2026, 10, 4).AddDays(7 * i), TimeZoneInfo.Utc))];

    [Fact]
    public void Each_reps_stats_are_those_of_their_own_deals()
    {
        var report = TeamStats.For(_team, TheProcess, _november, _weeks, _now);

        Assert.Equal(_team.Select(deals => Describe(RepStats.For(deals, TheProcess, _november, _now))), report.Reps.Select(Describe));
    }

    [Fact]
    public void The_teams_stats_are_those_of_all_its_deals_together()
    {
        var all = _team.SelectMany(d => d).ToList();

        var report = TeamStats.For(_team, TheProcess, _november, _weeks, _now);

        Assert.Equal(Describe(RepStats.For(all, TheProcess, _november, _now)), Describe(report.Team));
        Assert.Equal(2, report.Team.Current.WonAmount.PerCurrency.Count); // USD and EUR, never added together
        Assert.Equal(3, report.Team.Current.Won); // the reopened and the deleted wins are not wins
    }

    [Fact]
    public void The_teams_weeks_are_those_of_all_its_deals_week_by_week()
    {
        var all = _team.SelectMany(d => d).ToList();

        var report = TeamStats.For(_team, TheProcess, _november, _weeks, _now);

        Assert.Equal(_weeks.Select(w => Describe(RepStats.Figures(all, TheProcess, w, _now))), report.Weeks.Select(Describe));
        Assert.Contains(report.Weeks, w => w.ActivityCount > 0 && w.Won > 0);
    }

    [Fact]
    public void The_figures_do_not_depend_on_the_order_the_deals_are_counted_in()
    {
        IReadOnlyList<IReadOnlyCollection<Deal>> reversed = [.. _team.Reverse().Select(deals => (IReadOnlyCollection<Deal>)[.. deals.Reverse()])];

        var report = TeamStats.For(_team, TheProcess, _november, _weeks, _now);
        var other = TeamStats.For(reversed, TheProcess, _november, _weeks, _now);

        Assert.Equal(Describe(report.Team), Describe(other.Team));
        Assert.Equal(report.Weeks.Select(Describe), other.Weeks.Select(Describe));
        Assert.Equal(report.Reps.Select(Describe), other.Reps.Reverse().Select(Describe));
    }

    private static string Describe(StatsReport report) =>
        $"{Describe(report.Current)} | {Describe(report.Previous)} | open {report.OpenDeals} stalled {report.Stalled} overdue {report.NextStepOverdue} none {report.NoNextStep}";

    private static string Describe(PeriodFigures f) => string.Join(
        "; ",
        f.Period.Start,
        string.Join(",", f.Activities.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}")),
        f.NewDeals,
        f.StageMoves,
        f.NextStepsSet,
        $"{f.NextStepsDone}/{f.NextStepsDoneWithDue}/{f.NextStepsDoneOnTime}",
        $"won {f.Won} {Money(f.WonAmount.PerCurrency)}",
        $"lost {f.Lost} {Money(f.LostAmount.PerCurrency)}",
        f.WinRate?.ToString(CultureInfo.InvariantCulture),
        f.AverageCycle,
        Money(f.AverageWon),
        string.Join(",", f.Stages.Select(s => $"{s.Model.Id}/{s.Stage.Id}:{s.Exits}:{s.Converted}:{s.AverageTime}:{s.OverAllowed}")));

    private static string Money(IEnumerable<Money> amounts) =>
        string.Join("+", amounts.Select(m => $"{m.Amount.ToString(CultureInfo.InvariantCulture)} {m.Currency}"));
}
