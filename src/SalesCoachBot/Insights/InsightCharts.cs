using System.Globalization;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Insights.Charts;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Insights;

/// <summary>
/// The pictures of the insight cards, made from the same figures the card writes out: forecast against target, win rate
/// and activities by week, time in stage against allowed. Pure: the handler turns each into a signed link.
/// </summary>
public static class InsightCharts
{
    /// <summary>How many weeks a trend shows, this week last.</summary>
    public const int TrendWeeks = 8;

    /// <summary>
    /// Won so far, commit, best case and pipeline against the target. Bars of one currency only (the target's, else the
    /// largest): amounts in other currencies are never drawn on its scale, and the title says which currency it is.
    /// </summary>
    public static TargetChart? Forecast(string title, ForecastReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        MoneyTotals[] parts = [report.WonInPeriod, report.Commit, report.BestCase, report.Pipeline];
        var currencies = parts.SelectMany(p => p.PerCurrency).GroupBy(m => m.Currency).OrderByDescending(g => g.Sum(m => m.Amount)).Select(g => g.Key).ToList();
        if (currencies.Count == 0 && report.Target is null)
        {
            return null;
        }

        var currency = report.Target is { } target ? target.Currency : currencies[0];
        string[] names = ["Won so far", "Commit", "Best case", "Pipeline"];
        var bars = parts.Select((p, i) => new ChartBar(names[i], (double)p.In(currency), UserFormat.Money(new Money(p.In(currency), currency)))).ToList();
        var inOne = currencies.Count > 1 ? $" (in {currency ?? "no currency"} only)" : string.Empty;
        return new TargetChart(
            $"{title}, {InsightText.Period(report.Period)}{inOne}",
            bars,
            report.Target is { } quota ? (double)quota.Amount : null,
            report.Target is { } line ? $"Target {UserFormat.Money(line)}" : null);
    }

    /// <summary>
    /// The <see cref="TrendWeeks"/> whole weeks (Monday first) ending with the one holding <paramref name="now"/>, in the
    /// period's time zone; the first one's start is how far back the deals must be read.
    /// </summary>
    public static IReadOnlyList<ReportPeriod> Weeks(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return Enumerable.Range(0, TrendWeeks)
            .Select(i => monday.AddDays(-7 * (TrendWeeks - 1 - i)))
            .Select(start => ReportPeriod.Range(start, start.AddDays(6), zone))
            .ToList();
    }

    /// <summary>Win rate (a gap where nothing closed) and activities done, week by week.</summary>
    public static TrendChart Trend(string title, IEnumerable<Deal> deals, SalesProcess process, DateTimeOffset now, TimeZoneInfo zone) =>
        Trend(title, RepStats.Figures(deals, process, Weeks(now, zone), now));

    /// <summary>The same chart from figures already worked out for each of the <see cref="Weeks"/>, in their order.</summary>
    public static TrendChart Trend(string title, IReadOnlyList<PeriodFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var weeks = figures.Select(f => f.Period).ToList();
        return new TrendChart(
            // The last week is the current one, cut short at today: said in the title, so a Monday's near-empty last
            // point reads as a week just begun, not as a collapse.
            $"{title}, last {TrendWeeks} weeks (this one so far)",
            weeks.Select(w => w.Start.ToString("MMM d", CultureInfo.InvariantCulture)).ToList(),
            [
                new TrendSeries("Win rate", figures.Select(f => f.WinRate is { } rate ? (double?)rate : null).ToList(), Percent: true),
                new TrendSeries("Activities", figures.Select(f => (double?)f.ActivityCount).ToList(), Percent: false),
            ]);
    }

    /// <summary>The median time in each stage that has stays, against its allowed time; the model named when there are several.</summary>
    public static StageTimeChart? StageTime(ProcessReportResult report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var measured = report.Stages.Where(s => s.Median is not null).ToList();
        if (measured.Count == 0)
        {
            return null;
        }

        var severalModels = measured.Select(s => s.Model.Id).Distinct().Count() > 1;
        return new StageTimeChart(
            "Median time in stage against the time allowed",
            measured.Select(s => new StageTime(
                severalModels ? $"{s.Stage.Name} ({s.Model.Name})" : s.Stage.Name,
                Math.Round(s.Median!.Value.TotalDays, 1),
                s.Stage.AllowedTime?.TotalDays)).ToList());
    }
}
