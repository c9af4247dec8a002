using System.Globalization;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Insights;

/// <summary>The English of the insight figures Core computes: periods, sums per currency, shares, reasons, findings.</summary>
public static class InsightText
{
    /// <summary>"this quarter (1 Oct – 31 Dec 2026)", or the range of days.</summary>
    public static string Period(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var name = period.Kind switch
        {
            PeriodKind.ThisWeek => "this week",
            PeriodKind.LastWeek => "last week",
            PeriodKind.ThisMonth => "this month",
            PeriodKind.LastMonth => "last month",
            PeriodKind.ThisQuarter => "this quarter",
            PeriodKind.LastQuarter => "last quarter",
            PeriodKind.NextQuarter => "next quarter",
            PeriodKind.ThisYear => "this year",
            PeriodKind.LastYear => "last year",
            PeriodKind.YearToDate => "year to date",
            PeriodKind.Today => "today",
            PeriodKind.Tomorrow => "tomorrow",
            _ => null,
        };
        var last = period.End.AddDays(-1);
        var days = period.Days == 1 ? UserFormat.Date(period.Start) : $"{period.Start.ToString("d MMM", UserFormat.Culture)} – {last.ToString("d MMM yyyy", UserFormat.Culture)}";
        return name is null ? days : $"{name} ({days})";
    }

    /// <summary>"$45,000", "$45,000 + €10,000 (per currency, not converted)", or "0".</summary>
    public static string Money(MoneyTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return totals.IsEmpty ? "0"
            : totals.IsMixed ? string.Join(" + ", totals.PerCurrency.Select(m => m.Format())) + " (per currency, not converted)"
            : totals.PerCurrency[0].Format();
    }

    /// <summary>"1 deal", "12 deals".</summary>
    public static string DealCount(int count) => count == 1 ? "1 deal" : $"{count} deals";

    /// <summary>"1 rep", "6 reps": a team's size under a team card's title.</summary>
    public static string Reps(int count) => count == 1 ? "1 rep" : $"{count.ToString(UserFormat.Culture)} reps";

    /// <summary>
    /// An amount for a cell of a per-rep table: "$67k", "$4.7k + 20k" (no note on currencies: the exact totals above
    /// the table carry it). Seven columns at Teams' width broke "$1,314,000" mid-number.
    /// </summary>
    public static string CellMoney(MoneyTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return totals.IsEmpty ? "0" : string.Join(" + ", totals.PerCurrency.Select(UserFormat.ShortMoney));
    }

    /// <summary>"3, $45,000" for deals won or lost and their amount; "0" alone when there were none ("0, 0" reads as two counts).</summary>
    public static string CountAndMoney(int count, MoneyTotals amount) =>
        count == 0 ? "0" : $"{count.ToString(UserFormat.Culture)}, {Money(amount)}";

    public static string Percent(decimal share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Percent(decimal? share) => share is { } value ? Percent(value) : "n/a";

    /// <summary>"12 (last period 9)": a figure with the previous period's beside it.</summary>
    public static string WithPrevious(string current, string previous) => $"{current} (before: {previous})";

    /// <summary>
    /// A time in stage beside an allowed time of a few days: "3.1 days", so that a median just over "3 days allowed"
    /// does not read "median 3 days" (the chart shows 3.1); whole days from 10 days on.
    /// </summary>
    public static string StayDays(TimeSpan? span) =>
        span is { TotalDays: < 10 } value && Math.Round(value.TotalDays, 1) != Math.Round(value.TotalDays)
            ? Math.Round(value.TotalDays, 1).ToString("0.0", CultureInfo.InvariantCulture) + " days"
            : Days(span);

    /// <summary>
    /// "12 days", "1 day", "under a day", "n/a": always in days, so a figure and the one beside it read alike ("71 days
    /// (before: 49 days)", not "… 7 weeks"), and never "0 seconds".
    /// </summary>
    public static string Days(TimeSpan? span)
    {
        if (span is not { } value)
        {
            return "n/a";
        }

        var days = (long)Math.Round(value.TotalDays, MidpointRounding.AwayFromZero);
        return days switch
        {
            <= 0 => "under a day",
            1 => "1 day",
            _ => days.ToString("N0", UserFormat.Culture) + " days",
        };
    }

    public static string Category(ForecastCategory category) => category switch
    {
        ForecastCategory.Commit => "Commit",
        ForecastCategory.BestCase => "Best case",
        _ => "Pipeline",
    };

    public static string Activity(ActivityKind kind) => kind switch
    {
        ActivityKind.Call => "Calls",
        ActivityKind.Meeting => "Meetings",
        ActivityKind.Email => "Emails",
        ActivityKind.Demo => "Demos",
        ActivityKind.ProposalSent => "Proposals sent",
        _ => "Other",
    };

    private static string One(ActivityKind kind) => kind switch
    {
        ActivityKind.Call => "call",
        ActivityKind.Meeting => "meeting",
        ActivityKind.Email => "email",
        ActivityKind.Demo => "demo",
        ActivityKind.ProposalSent => "proposal sent",
        _ => "other",
    };

    public static string Activities(IReadOnlyDictionary<ActivityKind, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Count == 0 ? "none"
            : string.Join(", ", counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => c.Value == 1 ? $"1 {One(c.Key)}" : $"{c.Value} {Activity(c.Key).ToLowerInvariant()}"));
    }

    public static string Reason(RiskEntry entry, RiskReason reason)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var deal = entry.View.Deal;
        return reason switch
        {
            RiskReason.CloseDatePassed => $"close date {UserFormat.Date(deal.ExpectedClose!.Value)} has passed",
            RiskReason.NextStepOverdue => $"next step was due {UserFormat.Date(deal.NextStep!.Due!.Value)}",
            RiskReason.OverAllowedTime => $"{CoreText.TimeInStage(entry.View)} in {entry.View.Stage.Name}",
            RiskReason.NoNextStep => "no next step",
            RiskReason.NoRecentActivity => $"nothing logged for {entry.QuietDays} days",
            _ => entry.Unconfirmed.Count == 1 ? "1 exit criterion not confirmed" : $"{entry.Unconfirmed.Count} exit criteria not confirmed",
        };
    }

    /// <summary>One finding as a sentence a process owner can act on.</summary>
    public static string Finding(ProcessFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var stage = finding.Stage;
        var where = $"{stage.Stage.Name} ({stage.Model.Name})";
        return finding.Kind switch
        {
            FindingKind.SlowStage =>
                $"{where}: {Percent(finding.Share)} of deals take longer than the {CoreText.Duration(stage.Stage.AllowedTime!.Value)} allowed (median {StayDays(stage.Median)}); consider {Days(finding.Suggested)} or a new exit criterion.",
            FindingKind.SkippedCriterionLoses =>
                $"{where}: deals that skipped \"{CardParts.Escape(finding.Criterion!.Criterion)}\" won {Percent(finding.Criterion.SkippedWinRate)} against {Percent(finding.Criterion.ConfirmedWinRate)} for those that confirmed it; consider making it blocking.",
            FindingKind.LowConversion =>
                $"{where}: only {Percent(finding.Share)} of the deals that left it moved forward; review its exit criteria and qualification.",
            _ =>
                $"{where}: {Percent(finding.Share)} of deals skip \"{CardParts.Escape(finding.Criterion!.Criterion)}\" and win as often; consider rewording or dropping it.",
        };
    }
}
