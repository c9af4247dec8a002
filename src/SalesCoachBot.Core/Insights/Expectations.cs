using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Insights;

/// <summary>Where an expectation comes from, so the cards can say who set it.</summary>
public enum ExpectationSource
{
    Chat,
    File,
}

/// <summary>A rep's weekly activity target, with where it was set.</summary>
public sealed record SetTarget(ActivityTarget Target, ExpectationSource Source);

/// <summary>What a rep is held to: a quarterly quota and weekly activity targets, each with where it was set.</summary>
public sealed record RepExpectations(Money? QuarterlyQuota, ExpectationSource? QuotaSource, IReadOnlyList<SetTarget> Targets)
{
    public static RepExpectations None { get; } = new(null, null, []);

    public IReadOnlyList<ActivityTarget> Weekly => Targets.Select(t => t.Target).ToList();
}

/// <summary>
/// A rep's expectations from the two places they are set: what people said in chat (the rep's or their manager's
/// "quota is …" on the rep's profile, the manager's "team target: …" on the manager's profile) and the admin's
/// targets file. Chat wins over the file, one measure at a time: a manager who says "team target: 20 calls a week"
/// overrides the file's calls for their team and keeps its other targets. In the file, a rep's own entry wins over
/// their team's.
/// </summary>
public sealed class Expectations(TargetsFile file, ManagerMapping mapping)
{
    /// <param name="rep">The rep, as stored.</param>
    /// <param name="manager">The rep's manager as stored, when known; else the managers file's name for them is used.</param>
    public RepExpectations For(UserProfile rep, UserProfile? manager)
    {
        ArgumentNullException.ThrowIfNull(rep);
        var own = file.RepOf(rep);
        var team = manager is not null ? file.TeamOf(manager.UserId, manager.Email) : file.TeamOf(mapping.ManagerOf(rep));
        var targets = new Dictionary<TargetMeasure, SetTarget>();
        foreach (var target in (team?.Weekly ?? []).Concat(own?.Weekly ?? []))
        {
            targets[target.Measure] = new SetTarget(target, ExpectationSource.File);
        }

        foreach (var target in manager?.TeamTargets ?? [])
        {
            targets[target.Measure] = new SetTarget(target, ExpectationSource.Chat);
        }

        var (quota, source) = rep.QuarterlyQuota is { } said ? (said, ExpectationSource.Chat)
            : (own?.QuarterlyQuota ?? team?.QuarterlyQuota) is { } filed ? (filed, ExpectationSource.File)
            : ((Money?)null, (ExpectationSource?)null);
        return new RepExpectations(quota, source, targets.Values.OrderBy(t => t.Target.Measure).ToList());
    }

    /// <summary>The targets file's weekly targets for the team of <paramref name="manager"/>, which chat targets override.</summary>
    public IReadOnlyList<ActivityTarget> FileTargetsOfTeam(UserProfile manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return file.TeamOf(manager.UserId, manager.Email)?.Weekly ?? [];
    }
}

/// <summary>
/// The quarterly quota against results: won + commit this quarter out of the quota, and won last quarter out of it
/// (the trend). Amounts in other currencies than the quota's are not converted and so do not count.
/// </summary>
public sealed record QuotaProgress(Money Quota, ExpectationSource Source, decimal? ThisQuarter, decimal? LastQuarter)
{
    public Trend Trend => ActivityTargets.TrendOf(ThisQuarter ?? 0, LastQuarter ?? 0);
}

/// <summary>A rep's results against what they are held to, for a period: each target, and the quota by quarter.</summary>
public sealed record ExpectationReport(IReadOnlyList<TargetProgress> Targets, QuotaProgress? Quota)
{
    public static ExpectationReport None { get; } = new([], null);

    public bool IsEmpty => Targets.Count == 0 && Quota is null;

    /// <summary>
    /// <paramref name="expectations"/> against <paramref name="deals"/>: each weekly target over <paramref name="period"/>
    /// and the period before it (a weekly number scaled to the period's length), and the quota over the quarter holding
    /// today and the one before, in the period's time zone.
    /// </summary>
    public static ExpectationReport For(RepExpectations expectations, IReadOnlyCollection<Deal> deals, Process.SalesProcess process, ReportPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(period);
        var today = period.LocalDay(now);
        return Held(
            expectations,
            ActivityTargets.Progress(expectations.Weekly, deals, process, period, now),
            QuotaQuarters(period, now, process.FiscalYearStartMonth),
            quarter => Forecast.For(deals, process, quarter, today, expectations.QuarterlyQuota));
    }

    /// <summary>
    /// The same, from figures already worked out as the rep's deals went by (team stats): the rep's stats of the period
    /// and the one before, and <paramref name="quarterForecast"/>, the rep's forecast of each of
    /// <see cref="QuotaQuarters"/> (asked only when the rep has a quota).
    /// </summary>
    public static ExpectationReport For(RepExpectations expectations, StatsReport stats, Process.SalesProcess process, DateTimeOffset now, Func<ReportPeriod, ForecastReport> quarterForecast)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(process);
        var targets = expectations.Weekly.Count == 0 ? [] : ActivityTargets.Progress(expectations.Weekly, stats.Current, stats.Previous, now);
        return Held(expectations, targets, QuotaQuarters(stats.Current.Period, now, process.FiscalYearStartMonth), quarterForecast);
    }

    /// <summary>The quarters a quota is held against: the one holding today and the one before, in the period's time zone.</summary>
    public static (ReportPeriod This, ReportPeriod Last) QuotaQuarters(ReportPeriod period, DateTimeOffset now, int fiscalYearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(period);
        var quarter = ReportPeriod.For(PeriodKind.ThisQuarter, period.LocalDay(now), period.Zone, fiscalYearStartMonth);
        return (quarter, quarter.Previous());
    }

    private static ExpectationReport Held(
        RepExpectations expectations, IReadOnlyList<TargetProgress> targets, (ReportPeriod This, ReportPeriod Last) quarters, Func<ReportPeriod, ForecastReport> quarterForecast)
    {
        ArgumentNullException.ThrowIfNull(quarterForecast);
        if (expectations.QuarterlyQuota is not { } quota)
        {
            return new ExpectationReport(targets, null);
        }

        var thisQuarter = quarterForecast(quarters.This).CommitAndWonAgainstTarget;
        var lastQuarter = WeeklyScorecard.WonAgainst(quarterForecast(quarters.Last).WonInPeriod, quota);
        return new ExpectationReport(targets, new QuotaProgress(quota, expectations.QuotaSource ?? ExpectationSource.Chat, thisQuarter, lastQuarter));
    }
}
