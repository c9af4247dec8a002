using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Insights;

/// <summary>What an activity target counts: one kind of activity the bot records, all of them, or new deals.</summary>
public enum TargetMeasure
{
    Calls,
    Meetings,
    Emails,
    Demos,
    ProposalsSent,
    Activities,
    NewDeals,
}

/// <summary>"20 calls a week per rep": how many of <paramref name="Measure"/> each rep is expected to do a week.</summary>
public sealed record ActivityTarget(TargetMeasure Measure, int PerWeek)
{
    /// <summary>The largest weekly number a target may ask for; anything above is a slip ("2000 calls").</summary>
    public const int MaxPerWeek = 1_000;
}

/// <summary>Whether a figure went up, down or stayed level from the period before.</summary>
public enum Trend
{
    Level,
    Up,
    Down,
}

/// <summary>
/// One target in one period: what the rep did (<see cref="Actual"/>) against what the target expects for the period's
/// length (<see cref="Expected"/>), with the period before beside it.
/// </summary>
/// <param name="SoFar">
/// True while the period is still running: <see cref="Expected"/> is then what the target expects of the part gone by
/// (14 calls by Wednesday of a 20-a-week target is on pace; "14 of 20" read as behind all week).
/// </param>
public sealed record TargetProgress(ActivityTarget Target, int Actual, decimal Expected, int PreviousActual, decimal PreviousExpected, bool SoFar = false)
{
    /// <summary>Actual out of expected; null when nothing was expected.</summary>
    public decimal? Share => Expected == 0 ? null : Actual / Expected;

    public decimal? PreviousShare => PreviousExpected == 0 ? null : PreviousActual / PreviousExpected;

    public bool Met => Actual >= Expected;

    /// <summary>
    /// Against the period before: by the share of what was expected when both expected something (a running period
    /// against a whole one), else by the counts.
    /// </summary>
    public Trend Trend => Share is { } now && PreviousShare is { } before ? ActivityTargets.TrendOf(now, before) : ActivityTargets.TrendOf(Actual, PreviousActual);
}

public static class ActivityTargets
{
    /// <summary>
    /// How many a weekly target expects over <paramref name="period"/>: the weekly number times the period's days over
    /// seven, to one decimal (a month of 30 days at 20 a week expects 85.7).
    /// </summary>
    public static decimal Expected(ActivityTarget target, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(period);
        return Math.Round(target.PerWeek * period.Days / 7m, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// How many a weekly target expects of <paramref name="period"/> up to <paramref name="now"/>: the whole period's
    /// once it has ended, the part gone by while it runs (the weekly number times the days gone by over seven).
    /// </summary>
    public static decimal ExpectedBy(ActivityTarget target, ReportPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(period);
        if (now >= period.EndsAt)
        {
            return Expected(target, period);
        }

        var gone = now <= period.StartsAt ? 0m : (decimal)(now - period.StartsAt).TotalDays;
        return Math.Round(target.PerWeek * gone / 7m, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>What <paramref name="measure"/> counted in a period's figures.</summary>
    public static int Actual(TargetMeasure measure, PeriodFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return measure switch
        {
            TargetMeasure.Calls => figures.Activities.GetValueOrDefault(ActivityKind.Call),
            TargetMeasure.Meetings => figures.Activities.GetValueOrDefault(ActivityKind.Meeting),
            TargetMeasure.Emails => figures.Activities.GetValueOrDefault(ActivityKind.Email),
            TargetMeasure.Demos => figures.Activities.GetValueOrDefault(ActivityKind.Demo),
            TargetMeasure.ProposalsSent => figures.Activities.GetValueOrDefault(ActivityKind.ProposalSent),
            TargetMeasure.Activities => figures.ActivityCount,
            TargetMeasure.NewDeals => figures.NewDeals,
            _ => 0,
        };
    }

    /// <summary>
    /// Each target against the figures of a period and of the period before it. Given <paramref name="now"/> inside
    /// the current period, its expected figure is that of the part gone by (<see cref="ExpectedBy"/>).
    /// </summary>
    public static IReadOnlyList<TargetProgress> Progress(IReadOnlyList<ActivityTarget> targets, PeriodFigures current, PeriodFigures previous, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var running = now is { } at && at < current.Period.EndsAt;
        return targets
            .OrderBy(t => t.Measure)
            .Select(t => new TargetProgress(
                t,
                Actual(t.Measure, current),
                running ? ExpectedBy(t, current.Period, now!.Value) : Expected(t, current.Period),
                Actual(t.Measure, previous),
                Expected(t, previous.Period),
                running))
            .ToList();
    }

    /// <summary>Each target over a rep's deals in <paramref name="period"/> and the period before it.</summary>
    public static IReadOnlyList<TargetProgress> Progress(IReadOnlyList<ActivityTarget> targets, IReadOnlyCollection<Deal> deals, SalesProcess process, ReportPeriod period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(period);
        return targets.Count == 0 ? []
            : Progress(targets, RepStats.Figures(deals, process, period, now), RepStats.Figures(deals, process, period.Previous(), now), now);
    }

    /// <summary>The targets with <paramref name="target"/> in place of any earlier one of its measure.</summary>
    public static IReadOnlyList<ActivityTarget> With(IReadOnlyList<ActivityTarget> targets, ActivityTarget target)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(target);
        return [.. targets.Where(t => t.Measure != target.Measure), target];
    }

    /// <summary>The targets without the one of <paramref name="measure"/>.</summary>
    public static IReadOnlyList<ActivityTarget> Without(IReadOnlyList<ActivityTarget> targets, TargetMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return targets.Where(t => t.Measure != measure).ToList();
    }

    public static Trend TrendOf(decimal now, decimal before) => now > before ? Trend.Up : now < before ? Trend.Down : Trend.Level;
}
