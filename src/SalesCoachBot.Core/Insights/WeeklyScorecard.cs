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
    decimal? AgainstQuota);

public static class WeeklyScorecard
{
    /// <summary>
    /// The scorecard of <paramref name="rep"/> from their deals (open and closed), as of <paramref name="now"/> in the
    /// rep's own time zone: "last week" is the whole Monday-to-Sunday week before the one holding now.
    /// </summary>
    public static ScorecardRow For(UserProfile rep, IReadOnlyCollection<Deal> deals, SalesProcess process, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(deals);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, rep.Zone).DateTime);
        var week = ReportPeriod.For(PeriodKind.LastWeek, today, rep.Zone);
        var figures = RepStats.Figures(deals, process, week, now);
        var quarter = ReportPeriod.For(PeriodKind.ThisQuarter, today, rep.Zone, process.FiscalYearStartMonth);
        var forecast = Forecast.For(deals, process, quarter, today, rep.QuarterlyQuota);
        return new ScorecardRow(rep, week, figures.ActivityCount, figures.Won, figures.WonAmount, forecast.Commit, rep.QuarterlyQuota, forecast.CommitAndWonAgainstTarget);
    }
}
