using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Reminders;

namespace SalesCoachBot.Tests.Reminders;

/// <summary>The digest's and the weekly summary's scorecard line: every number in words, each trend as an arrow and a word.</summary>
public sealed class ScorecardSectionTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserProfile _dana = new() { TenantId = "t", UserId = "dana", Name = "Dana", FirstSeen = _now, LastSeen = _now };
    private static readonly ReportPeriod _lastWeek = ReportPeriod.For(PeriodKind.LastWeek, new DateOnly(2026, 11, 25), TimeZoneInfo.Utc);

    [Fact]
    public void A_row_with_targets_and_a_quota_says_each_against_the_period_before()
    {
        var row = new ScorecardRow(_dana, _lastWeek, 23, 1, MoneyTotals.Sum([new Money(50_000, "USD")]), MoneyTotals.Sum([new Money(80_000, "USD")]), new Money(300_000, "USD"), 0.43m)
        {
            PreviousActivities = 17,
            PreviousWon = 1,
            LastQuarterAgainstQuota = 0.81m,
            Targets = [new TargetProgress(new ActivityTarget(TargetMeasure.Calls, 20), 18, 20, 12, 20), new TargetProgress(new ActivityTarget(TargetMeasure.Meetings, 5), 3, 5, 5, 5)],
        };

        Assert.Equal(
            "23 activities (↑ up from 17 the week before) · 1 won (= level with 1), $50,000 · commit this quarter $80,000 · won + commit 43% of $300,000 quota (↓ down from 81% won last quarter) · calls 18 of 20 ↑ up (before 12 of 20) · meetings 3 of 5 ↓ down (before 5 of 5)",
            ScorecardSection.Line(row));
    }

    [Fact]
    public void An_empty_week_with_no_targets_or_quota_says_nothing_happened_and_nothing_more()
    {
        var row = new ScorecardRow(_dana, _lastWeek, 0, 0, MoneyTotals.None, MoneyTotals.None, null, null) { PreviousActivities = 4 };

        Assert.Equal("0 activities (↓ down from 4 the week before) · 0 won (= level with 0) · commit this quarter 0", ScorecardSection.Line(row));
    }
}
