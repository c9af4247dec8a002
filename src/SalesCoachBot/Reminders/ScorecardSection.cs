using System.Globalization;
using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Insights;
using static SalesCoachBot.Replies.CardParts;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Reminders;

/// <summary>The weekly digest's team scorecard: a line per rep with last week's activities and wins and the quarter's commit against quota.</summary>
public static class ScorecardSection
{
    public static string Summary(IReadOnlyList<ScorecardRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Count == 0 ? string.Empty
            : $"{Heading(rows)}:\n" + string.Join("\n", rows.Select(r => $"- {Name(r)}: {Line(r)}")) + "\n";
    }

    public static IEnumerable<CardElement> Build(IReadOnlyList<ScorecardRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }

        return
        [
            CoachingCard.Section(Heading(rows)),
            new FactSet { Facts = rows.Select(r => new Fact(Escape(Name(r)), Line(r))).ToList() },
        ];
    }

    /// <summary>
    /// "12 activities (↑ up from 9 the week before) · 2 won (= level with 2), $50,000 · commit this quarter $80,000 · won +
    /// commit 45% of $300,000 quota (↑ up from 30% won last quarter) · calls 12 of 20 ↑ up (before 8 of 20)".
    /// </summary>
    public static string Line(ScorecardRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var activities = (row.Activities == 1 ? "1 activity" : $"{row.Activities} activities") + $" ({Versus(row.Activities, row.PreviousActivities)} the week before)";
        var won = $"{row.Won} won ({Versus(row.Won, row.PreviousWon)})" + (row.Won == 0 ? string.Empty : $", {Money(row.WonAmount)}");
        var quota = row.Quota is { } q
            ? $" · won + commit {Percent(row.AgainstQuota)} of {q.Format()} quota ({ExpectationText.Trend(ActivityTargets.TrendOf(row.AgainstQuota ?? 0, row.LastQuarterAgainstQuota ?? 0))} from {Percent(row.LastQuarterAgainstQuota)} won last quarter)"
            : string.Empty;
        var targets = string.Concat(row.Targets.Select(t => " · " + ExpectationText.ShortProgress(t)));
        return $"{activities} · {won} · commit this quarter {Money(row.Commit)}{quota}{targets}";
    }

    // "↑ up from 9": the arrow and the word, so the trend does not rest on a symbol or a colour alone.
    private static string Versus(int now, int before) =>
        $"{ExpectationText.Trend(ActivityTargets.TrendOf(now, before))} {(now == before ? "with" : "from")} {before.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"23 Nov – 29 Nov": the week's first and last day (its end is exclusive).</summary>
    public static string Dates(ReportPeriod week)
    {
        ArgumentNullException.ThrowIfNull(week);
        var last = week.End.AddDays(-1);
        return $"{week.Start.ToString("d MMM", CultureInfo.InvariantCulture)} – {last.ToString("d MMM", CultureInfo.InvariantCulture)}";
    }

    private static string Heading(IReadOnlyList<ScorecardRow> rows) => $"Team scorecard, last week ({Dates(rows[0].Week)})";

    private static string Name(ScorecardRow row) => row.Rep.Name ?? row.Rep.UserId;

    // Per currency, never converted, as the insight cards write it.
    private static string Money(MoneyTotals totals) =>
        totals.IsEmpty ? "0" : string.Join(" + ", totals.PerCurrency.Select(m => m.Format()));

    private static string Percent(decimal? share) =>
        share is { } value ? (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
