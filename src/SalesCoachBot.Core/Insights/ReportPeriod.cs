using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Insights;

/// <summary>
/// A calendar period in the rep's time zone: whole local days from <see cref="Start"/> up to, not including,
/// <see cref="End"/>. Its edges are local midnights, so a deal a rep in UTC-8 closes at 23:00 on the last day of a
/// quarter counts in that quarter although it is already the next day in UTC. Weeks start on Monday.
/// </summary>
public sealed record ReportPeriod(PeriodKind? Kind, DateOnly Start, DateOnly End, TimeZoneInfo Zone)
{
    // Get-only (no `with`), so that the edges below, worked out once, always follow the days and the zone.
    public DateOnly Start { get; } = Start;

    public DateOnly End { get; } = End;

    public TimeZoneInfo Zone { get; } = Zone;

    /// <summary>
    /// The first instant of the period. Worked out once: a team's figures ask it of every instant of every deal (a
    /// hundred thousand deals, a dozen periods), and each local midnight costs time zone rule lookups.
    /// </summary>
    public DateTimeOffset StartsAt { get; } = LocalMidnight(Start, Zone);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset EndsAt { get; } = LocalMidnight(End, Zone);

    public int Days => End.DayNumber - Start.DayNumber;

    /// <summary>
    /// "this quarter" and the rest, counted from the rep's today. Quarters and years are the company's fiscal ones: they
    /// start in <paramref name="fiscalYearStartMonth"/> (the process file's <c>fiscalYearStartMonth</c>, January by
    /// default), as the dates reps say do.
    /// </summary>
    public static ReportPeriod For(PeriodKind kind, DateOnly today, TimeZoneInfo zone, int fiscalYearStartMonth = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalYearStartMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalYearStartMonth, 12);
        var week = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var month = new DateOnly(today.Year, today.Month, 1);
        var year = DateExpressionParser.YearStart(today, fiscalYearStartMonth);
        var quarter = DateExpressionParser.QuarterStart(today, fiscalYearStartMonth);
        var (start, end) = kind switch
        {
            PeriodKind.Today => (today, today.AddDays(1)),
            PeriodKind.Tomorrow => (today.AddDays(1), today.AddDays(2)),
            PeriodKind.ThisWeek => (week, week.AddDays(7)),
            PeriodKind.LastWeek => (week.AddDays(-7), week),
            PeriodKind.ThisMonth => (month, month.AddMonths(1)),
            PeriodKind.LastMonth => (month.AddMonths(-1), month),
            PeriodKind.ThisQuarter => (quarter, quarter.AddMonths(3)),
            PeriodKind.LastQuarter => (quarter.AddMonths(-3), quarter),
            PeriodKind.NextQuarter => (quarter.AddMonths(3), quarter.AddMonths(6)),
            PeriodKind.ThisYear => (year, year.AddYears(1)),
            PeriodKind.LastYear => (year.AddYears(-1), year),
            PeriodKind.YearToDate => (year, today.AddDays(1)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a period"),
        };
        return new ReportPeriod(kind, start, end, zone);
    }

    /// <summary>A range of days the user named, both ends included ("from March 1 to March 15").</summary>
    public static ReportPeriod Range(DateOnly first, DateOnly last, TimeZoneInfo zone) =>
        last < first ? Range(last, first, zone) : new ReportPeriod(null, first, last.AddDays(1), zone);

    /// <summary>
    /// The period just before this one, of the same kind: last month for this month, the quarter before for a quarter,
    /// the same days a year before for the year to date, and for a range the same number of days just before it.
    /// </summary>
    public ReportPeriod Previous()
    {
        if (Kind == PeriodKind.YearToDate)
        {
            // The same days a year before: eleven months of this year against a whole last year would read as a fall.
            return new ReportPeriod(null, Start.AddYears(-1), End.AddYears(-1), Zone);
        }

        var calendarMonths = Kind switch
        {
            PeriodKind.ThisMonth or PeriodKind.LastMonth => 1,
            PeriodKind.ThisQuarter or PeriodKind.LastQuarter or PeriodKind.NextQuarter => 3,
            PeriodKind.ThisYear or PeriodKind.LastYear => 12,
            _ => 0,
        };
        var previousKind = Kind switch
        {
            PeriodKind.ThisWeek => PeriodKind.LastWeek,
            PeriodKind.ThisMonth => PeriodKind.LastMonth,
            PeriodKind.ThisQuarter => PeriodKind.LastQuarter,
            PeriodKind.NextQuarter => PeriodKind.ThisQuarter,
            PeriodKind.ThisYear => PeriodKind.LastYear,
            _ => (PeriodKind?)null,
        };
        return calendarMonths > 0
            ? new ReportPeriod(previousKind, Start.AddMonths(-calendarMonths), Start, Zone)
            : new ReportPeriod(previousKind, Start.AddDays(-Days), Start, Zone);
    }

    public bool Contains(DateTimeOffset instant) => instant >= StartsAt && instant < EndsAt;

    public bool Contains(DateOnly day) => day >= Start && day < End;

    /// <summary>The local calendar day of an instant, in the period's zone.</summary>
    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue);

        // A zone that skips midnight (a DST jump at 00:00) starts the day at the first valid local time.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
