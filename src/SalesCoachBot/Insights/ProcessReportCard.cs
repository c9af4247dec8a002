using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Replies;
using static SalesCoachBot.Insights.InsightText;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Insights;

/// <summary>"where do deals stall?": findings first, in sentences; then per stage the times, conversion and skipped criteria.</summary>
public static class ProcessReportCard
{
    public const int MaxFindings = 6;

    public static string Summary(string scope, ProcessReportResult report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Stages.Count == 0)
        {
            return $"Process report ({scope}): no stage history yet, so nothing to measure.";
        }

        var findings = report.Findings.Count == 0
            ? [NothingStandsOut(report)]
            : report.Findings.Take(MaxFindings).Select(f => "- " + Finding(f));
        return $"Process report ({scope}, {InsightText.DealCount(report.Deals)}):\n" + string.Join("\n", findings);
    }

    public static AdaptiveCard Build(string scope, ProcessReportResult report, Uri? chart = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = new List<CardElement> { Heading("Where deals stall"), Text($"{scope} · {InsightText.DealCount(report.Deals)}", subtle: true) };
        if (report.Stages.Count == 0)
        {
            body.Add(Text("No stage history yet, so nothing to measure."));
            return Card(body);
        }

        body.AddRange(ChartSlot.For(chart, "Time in stage against the allowed time"));
        body.Add(CoachingCard.Section("Findings"));
        body.AddRange(report.Findings.Count == 0
            ? [Text(NothingStandsOut(report), subtle: true)]
            : report.Findings.Take(MaxFindings).Select(f => Text(Finding(f), color: f.Kind == FindingKind.SlowStage || f.Kind == FindingKind.SkippedCriterionLoses ? TextColor.Attention : null)));
        foreach (var model in report.Stages.GroupBy(s => s.Model.Id))
        {
            body.Add(CoachingCard.Section(model.First().Model.Name));
            body.Add(new FactSet
            {
                Facts = model.Select(s => new Fact(
                    s.Stage.Name,
                    $"median {StayDays(s.Median)}, 90% within {StayDays(s.P90)}"
                    + (s.Stage.AllowedTime is { } allowed ? $" (allowed {CoreText.Duration(allowed)}, {Percent(s.ShareOver)} over)" : string.Empty)
                    + $" · {Percent(s.Conversion)} moved on · {s.Stays} deals"
                    + Skips(s))).ToList(),
            });
        }

        return Card(body);
    }

    /// <summary>
    /// No finding: say what was judged and found fine, and what there were too few deals to judge (66 deals are not
    /// "too few", but 2 skips of a criterion cannot say whether skipping it loses deals, however the rows below read).
    /// </summary>
    private static string NothingStandsOut(ProcessReportResult report)
    {
        var timed = report.Stages.Any(s => s.Stays >= ProcessReport.MinimumSample || s.Exits >= ProcessReport.MinimumSample);
        if (!timed)
        {
            return $"No stage stands out yet: a finding needs at least {ProcessReport.MinimumSample} deals through a stage.";
        }

        var skips = report.Stages.SelectMany(s => s.Criteria).Where(c => c.Skipped > 0).ToList();
        var skipsJudged = skips.Any(c => c.ConfirmedClosed >= ProcessReport.MinimumSample && c.SkippedClosed >= ProcessReport.MinimumSample);
        var skipping = skips.Count == 0 ? "and no exit criterion was skipped."
            : skipsJudged ? "and skipping an exit criterion did not go with clearly fewer wins."
            : $"Too few deals that skipped an exit criterion have closed to tell whether skipping costs wins (that needs {ProcessReport.MinimumSample} closed each way), so read the skip figures below as counts, not a trend.";
        return skips.Count > 0 && !skipsJudged
            ? $"No stage stands out: where enough deals went through a stage, most kept to its allowed time and moved on. {skipping}"
            : $"No stage stands out: where enough deals went through a stage, most kept to its allowed time and moved on, {skipping}";
    }

    /// <summary>" (won 0% vs 61% confirmed)", or nothing while neither side has a closed deal to count.</summary>
    private static string WinRates(CriterionFigures criterion) =>
        criterion.SkippedWinRate is null && criterion.ConfirmedWinRate is null
            ? string.Empty
            : $" (won {Percent(criterion.SkippedWinRate)} vs {Percent(criterion.ConfirmedWinRate)} confirmed)";

    private static string Skips(StageReport stage)
    {
        var skipped = stage.Criteria.Where(c => c.Skipped > 0).ToList();
        return skipped.Count == 0 ? string.Empty
            : " · skipped: " + string.Join("; ", skipped.Select(c => $"\"{Escape(c.Criterion)}\" {Percent(c.SkipShare)}" + WinRates(c)));
    }
}
