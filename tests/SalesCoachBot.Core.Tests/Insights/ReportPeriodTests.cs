using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Insights;

public class ReportPeriodTests
{
    private static readonly TimeZoneInfo _pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public void A_close_at_23_00_on_the_last_day_of_the_quarter_in_UTC_minus_8_counts_in_that_quarter()
    {
        var closedAt = new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.FromHours(-8)); // 1 January 07:00 UTC
        var quarter = ReportPeriod.For(PeriodKind.ThisQuarter, new DateOnly(2026, 12, 31), _pacific);
        var next = ReportPeriod.For(PeriodKind.NextQuarter, new DateOnly(2026, 12, 31), _pacific);

        Assert.Equal(new DateOnly(2026, 10, 1), quarter.Start);
        Assert.Equal(new DateOnly(2027, 1, 1), quarter.End);
        Assert.True(quarter.Contains(closedAt));
        Assert.False(next.Contains(closedAt));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 8, 0, 0, TimeSpan.Zero), quarter.EndsAt);
    }

    [Fact]
    public void The_same_instant_is_in_the_next_quarter_for_a_rep_in_UTC()
    {
        var closedAt = new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.FromHours(-8));
        var quarter = ReportPeriod.For(PeriodKind.ThisQuarter, new DateOnly(2026, 12, 31), TimeZoneInfo.Utc);

        Assert.False(quarter.Contains(closedAt));
    }

    [Theory]
    [InlineData(PeriodKind.ThisWeek, "2026-11-23", "2026-11-30")] // today is Sunday 29 November: weeks start on Monday
    [InlineData(PeriodKind.LastWeek, "2026-11-16", "2026-11-23")]
    [InlineData(PeriodKind.ThisMonth, "2026-11-01", "2026-12-01")]
    [InlineData(PeriodKind.LastMonth, "2026-10-01", "2026-11-01")]
    [InlineData(PeriodKind.LastQuarter, "2026-07-01", "2026-10-01")]
    [InlineData(PeriodKind.NextQuarter, "2027-01-01", "2027-04-01")]
    [InlineData(PeriodKind.ThisYear, "2026-01-01", "2027-01-01")]
    [InlineData(PeriodKind.LastYear, "2025-01-01", "2026-01-01")]
    [InlineData(PeriodKind.Today, "2026-11-29", "2026-11-30")]
    [InlineData(PeriodKind.YearToDate, "2026-01-01", "2026-11-30")]
    public void Periods_are_whole_local_days_counted_from_today(PeriodKind kind, string start, string end)
    {
        var period = ReportPeriod.For(kind, new DateOnly(2026, 11, 29), TimeZoneInfo.Utc);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Fact]
    public void The_year_to_date_is_compared_with_the_same_days_a_year_before_not_a_whole_year()
    {
        var previous = ReportPeriod.For(PeriodKind.YearToDate, new DateOnly(2026, 11, 29), TimeZoneInfo.Utc).Previous();

        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 11, 30)), (previous.Start, previous.End));
    }

    [Fact]
    public void The_previous_period_is_the_one_of_the_same_kind_just_before()
    {
        var quarter = ReportPeriod.For(PeriodKind.ThisQuarter, new DateOnly(2026, 2, 10), TimeZoneInfo.Utc);
        var range = ReportPeriod.Range(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), TimeZoneInfo.Utc);

        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2026, 1, 1)), (quarter.Previous().Start, quarter.Previous().End));
        Assert.Equal(PeriodKind.LastQuarter, quarter.Previous().Kind);
        Assert.Equal(10, range.Days);
        Assert.Equal((new DateOnly(2026, 2, 19), new DateOnly(2026, 3, 1)), (range.Previous().Start, range.Previous().End));
    }

    [Fact]
    public void Last_month_before_march_is_february_with_its_28_days()
    {
        var march = ReportPeriod.For(PeriodKind.ThisMonth, new DateOnly(2026, 3, 31), TimeZoneInfo.Utc);

        Assert.Equal(28, march.Previous().Days);
    }

    [Theory]
    [InlineData(4, PeriodKind.ThisQuarter, "2026-10-01", "2027-01-01")] // April start: Q3 is October to December
    [InlineData(4, PeriodKind.LastQuarter, "2026-07-01", "2026-10-01")]
    [InlineData(4, PeriodKind.ThisYear, "2026-04-01", "2027-04-01")]
    [InlineData(2, PeriodKind.ThisQuarter, "2026-11-01", "2027-02-01")] // February start: November to January
    [InlineData(2, PeriodKind.NextQuarter, "2027-02-01", "2027-05-01")]
    [InlineData(12, PeriodKind.ThisYear, "2025-12-01", "2026-12-01")] // December start: November is the year's last month
    [InlineData(10, PeriodKind.LastYear, "2025-10-01", "2026-10-01")]
    public void Quarters_and_years_follow_the_fiscal_year_start(int firstMonth, PeriodKind kind, string start, string end)
    {
        var period = ReportPeriod.For(kind, new DateOnly(2026, 11, 29), TimeZoneInfo.Utc, firstMonth);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }
}
