using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Understanding;
using static SalesCoachBot.Core.Tests.Insights.DealStory;

namespace SalesCoachBot.Core.Tests.Insights;

public class RepStatsTests
{
    private static readonly DateTimeOffset _now = At(11, 20, 12);
    private static readonly ReportPeriod _november = ReportPeriod.For(PeriodKind.ThisMonth, new DateOnly(2026, 11, 20), TimeZoneInfo.Utc);

    // Won in November after 21 days: prospect 13 days, qualify 3, discovery 5. Activities on both sides of 1 November.
    private static Deal WonInNovember() =>
        Created(At(10, 20), 50_000)
            .Did(ActivityKind.Email, new(2026, 10, 30))
            .MovedTo("qualify", At(11, 2))
            .Did(ActivityKind.Call, new(2026, 11, 3))
            .Did(ActivityKind.Call, new(2026, 11, 4))
            .MovedTo("discovery", At(11, 5))
            .Did(ActivityKind.Demo, new(2026, 11, 6))
            .Won(At(11, 10));

    // Created 1 November, lost from prospect after 11 days.
    private static Deal LostInNovember() => Created(At(11, 1), 30_000).Lost(At(11, 12));

    // Won in October after 44 days.
    private static Deal WonInOctober() => Created(At(9, 1), 20_000).Won(At(10, 15));

    private static StatsReport Report() => RepStats.For([WonInNovember(), LostInNovember(), WonInOctober()], TheProcess, _november, _now);

    [Fact]
    public void Activities_are_counted_by_kind_on_the_day_they_were_done()
    {
        var report = Report();

        Assert.Equal(new Dictionary<ActivityKind, int> { [ActivityKind.Call] = 2, [ActivityKind.Demo] = 1 }, report.Current.Activities);
        Assert.Equal(new Dictionary<ActivityKind, int> { [ActivityKind.Email] = 1 }, report.Previous.Activities);
    }

    [Fact]
    public void Results_count_wins_and_losses_by_when_they_closed_with_the_previous_period_beside_them()
    {
        var report = Report();

        Assert.Equal((1, 1, 50_000m, 30_000m), (report.Current.Won, report.Current.Lost, report.Current.WonAmount.In("USD"), report.Current.LostAmount.In("USD")));
        Assert.Equal(0.5m, report.Current.WinRate);
        Assert.Equal(0.625m, Assert.Single(report.Current.WinRateByValue).Share); // 50k of 80k
        Assert.Equal(new Money(50_000, "USD"), Assert.Single(report.Current.AverageWon));
        Assert.Equal(TimeSpan.FromDays(21), report.Current.AverageCycle);
        Assert.Equal((1, 0, 1m), (report.Previous.Won, report.Previous.Lost, report.Previous.WinRate));
        Assert.Equal(TimeSpan.FromDays(44), report.Previous.AverageCycle);
    }

    [Fact]
    public void New_deals_and_moves_between_open_stages_are_counted_in_their_period()
    {
        var report = Report();

        Assert.Equal((1, 2), (report.Current.NewDeals, report.Current.StageMoves)); // the lost deal; qualify and discovery
        Assert.Equal((1, 0), (report.Previous.NewDeals, report.Previous.StageMoves)); // the November win was created in October
    }

    [Fact]
    public void Time_in_stage_and_conversion_come_from_the_stays_that_ended_in_the_period()
    {
        var prospect = Report().Current.Stages.Single(s => s.Stage.Id == "prospect");

        Assert.Equal((2, 1), (prospect.Exits, prospect.Converted)); // one moved on, one was lost
        Assert.Equal(TimeSpan.FromDays(12), prospect.AverageTime); // (13 + 11) / 2
        Assert.Equal(0, prospect.OverAllowed); // 14 days allowed
        Assert.Equal(0.5m, prospect.Conversion);
    }

    [Fact]
    public void An_empty_period_has_zero_counts_and_no_rates()
    {
        var report = RepStats.For([], TheProcess, _november, _now);

        Assert.Equal(0, report.Current.ActivityCount);
        Assert.Null(report.Current.WinRate);
        Assert.Null(report.Current.AverageCycle);
        Assert.Empty(report.Current.Stages);
        Assert.Empty(report.Current.AverageWon);
    }

    [Fact]
    public void A_deleted_deal_leaves_the_stats_its_activities_win_and_stays_with_it()
    {
        Deal deleted = ((Deal)Created(At(11, 1), 10_000).Did(ActivityKind.Call, new(2026, 11, 2)).MovedTo("qualify", At(11, 3)).Won(At(11, 5)))
            with { DeletedAt = At(11, 6), DeletedBy = "dana" };
        Deal deletedOpen = ((Deal)Created(At(11, 1), 5_000)) with { DeletedAt = At(11, 6), DeletedBy = "dana" };

        var report = RepStats.For([WonInNovember(), deleted, deletedOpen], TheProcess, _november, _now);

        // Only the November win remains: 1 win of $50,000, 3 activities, 2 moves, no deal created in November.
        Assert.Equal((1, 50_000m), (report.Current.Won, report.Current.WonAmount.In("USD")));
        Assert.Equal((3, 2, 0), (report.Current.ActivityCount, report.Current.StageMoves, report.Current.NewDeals));
        Assert.Equal(1, report.Current.Stages.Single(s => s.Stage.Id == "qualify").Exits);
        Assert.Equal(0, report.OpenDeals);
    }

    [Fact]
    public void A_deal_won_then_reopened_is_not_a_win()
    {
        Deal reopened = Created(At(11, 1), 10_000).Won(At(11, 5)).Reopened(At(11, 6));

        var report = RepStats.For([reopened], TheProcess, _november, _now);

        Assert.Equal(0, report.Current.Won);
        Assert.Equal(1, report.OpenDeals);
    }

    [Fact]
    public void A_win_at_23_00_on_the_last_day_of_the_quarter_in_UTC_minus_8_counts_in_that_quarter()
    {
        var pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        Deal late = Created(At(11, 1), 10_000).Won(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.FromHours(-8)));
        var quarter = ReportPeriod.For(PeriodKind.ThisQuarter, new DateOnly(2026, 12, 31), pacific);

        Assert.Equal(1, RepStats.Figures([late], TheProcess, quarter, At(1, 2, year: 2027)).Won);
        Assert.Equal(0, RepStats.Figures([late], TheProcess, quarter.Previous(), At(1, 2, year: 2027)).Won);
    }

    [Fact]
    public void Won_amounts_in_two_currencies_have_an_average_each()
    {
        Deal dollars = Created(At(11, 1), 10_000).Won(At(11, 5));
        Deal euros = Created(At(11, 1), 30_000, "EUR").Won(At(11, 6));
        Deal moreEuros = Created(At(11, 1), 10_000, "EUR").Won(At(11, 7));

        var figures = RepStats.Figures([dollars, euros, moreEuros], TheProcess, _november, _now);

        Assert.Equal([new Money(20_000, "EUR"), new Money(10_000, "USD")], figures.AverageWon);
        Assert.True(figures.WonAmount.IsMixed);
    }

    [Fact]
    public void Stalled_deals_and_next_steps_overdue_or_missing_are_counted_as_they_stand_now()
    {
        Deal stalled = Created(At(10, 1), 10_000); // 50 days in prospect, 14 allowed, no next step
        Deal overdue = Created(At(11, 18), 10_000).NextStep("call back", new DateOnly(2026, 11, 19), At(11, 18));
        Deal fine = Created(At(11, 18), 10_000).NextStep("demo", new DateOnly(2026, 11, 25), At(11, 18));

        var report = RepStats.For([stalled, overdue, fine], TheProcess, _november, _now);

        Assert.Equal((3, 2, 1, 1), (report.OpenDeals, report.Stalled, report.NextStepOverdue, report.NoNextStep));
        Assert.Equal(2, report.Current.NextStepsSet);
    }
}
