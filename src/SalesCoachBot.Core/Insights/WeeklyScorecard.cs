using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Insights;

/// <summary>
/// One rep's line of the weekly scorecard: last week's activities and wins, and where this quarter's forecast stands
/// (commit, and won + commit against the quarterly quota when one is set).
/// </summary>
public sealed record ScorecardRow(
    UserProfile Rep,
    ReportPeriod Week,
    int Activities,
    int Won,
    MoneyTotals WonAmount,
    MoneyTotals Commit,
    Money? Quota,
    decimal? AgainstQuota)
{
    /// <summary>The week before <see cref="Week"/>: its activities and wins, for the trend.</summary>
    public int PreviousActivities { get; init; }

    public int PreviousWon { get; init; }

    /// <summary>Each weekly activity target of the rep: last week against expected, with the week before.</summary>
    public IReadOnlyList<TargetProgress> Targets { get; init; } = [];

    /// <summary>Won last quarter against the quota, for the quota's trend; null without a quota.</summary>
    public decimal? LastQuarterAgainstQuota { get; init; }
}

public static class WeeklyScorecard
{
    /// <summary>
    /// The scorecard of <paramref name="rep"/> from their deals (open and closed), as of <paramref name="now"/> in the
    /// rep's own time zone: "last week" is the whole Monday-to-Sunday week before the one holding now, and the trend
    /// compares it with the week before. <paramref name="expectations"/> gives the quota and targets (the rep's own
    /// quota when none is given).
    /// </summary>
    public static ScorecardRow For(UserProfile rep, IReadOnlyCollection<Deal> deals, SalesProcess process, DateTimeOffset now, RepExpectations? expectations = null)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(deals);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, rep.Zone).DateTime);
        var week = ReportPeriod.For(PeriodKind.LastWeek, today, rep.Zone);
        var figures = RepStats.Figures(deals, process, week, now);
        var before = RepStats.Figures(deals, process, week.Previous(), now);
        var quota = expectations is null ? rep.QuarterlyQuota : expectations.QuarterlyQuota;
        var quarter = ReportPeriod.For(PeriodKind.ThisQuarter, today, rep.Zone, process.FiscalYearStartMonth);
        var forecast = Forecast.For(deals, process, quarter, today, quota);
        var lastQuarter = Forecast.For(deals, process, quarter.Previous(), today, quota);
        return new ScorecardRow(rep, week, figures.ActivityCount, figures.Won, figures.WonAmount, forecast.Commit, quota, forecast.CommitAndWonAgainstTarget)
        {
            PreviousActivities = before.ActivityCount,
            PreviousWon = before.Won,
            Targets = ActivityTargets.Progress(expectations?.Weekly ?? [], figures, before),
            LastQuarterAgainstQuota = quota is null ? null : WonAgainst(lastQuarter.WonInPeriod, quota.Value),
        };
    }

    /// <summary>Won in the target's currency out of the target; null when nothing could be compared.</summary>
    public static decimal? WonAgainst(MoneyTotals won, Money target)
    {
        ArgumentNullException.ThrowIfNull(won);
        return target.Amount <= 0 ? null
            : won.In(target.Currency) / target.Amount;
    }
}
