using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Insights;

/// <summary>
/// One exit criterion of a stage: of the deals that went past the stage, how many skipped it (moved on without
/// confirming it, and never ticked it later), and the win rate of closed deals that confirmed it against those that skipped it.
/// </summary>
public sealed record CriterionFigures(string Criterion, int Passed, int Skipped, int ConfirmedClosed, int ConfirmedWon, int SkippedClosed, int SkippedWon)
{
    public decimal? SkipShare => Passed == 0 ? null : (decimal)Skipped / Passed;

    public decimal? ConfirmedWinRate => ConfirmedClosed == 0 ? null : (decimal)ConfirmedWon / ConfirmedClosed;

    public decimal? SkippedWinRate => SkippedClosed == 0 ? null : (decimal)SkippedWon / SkippedClosed;
}

/// <summary>
/// One open stage of one model over every stay in it (finished stays and the current ones at their length so far):
/// median and 90th percentile time against the allowed time, the share over it, and the conversion of finished stays.
/// </summary>
public sealed record StageReport(
    SellingModel Model,
    Stage Stage,
    int Stays,
    TimeSpan? Median,
    TimeSpan? P90,
    int OverAllowed,
    int Exits,
    int Converted,
    IReadOnlyList<CriterionFigures> Criteria)
{
    public decimal? ShareOver => Stays == 0 || Stage.AllowedTime is null ? null : (decimal)OverAllowed / Stays;

    public decimal? Conversion => Exits == 0 ? null : (decimal)Converted / Exits;
}

public enum FindingKind
{
    /// <summary>Most stays take longer than allowed: the allowed time or the stage's work needs a look.</summary>
    SlowStage,

    /// <summary>Skipping a criterion goes with a clearly lower win rate: make it blocking, or coach it.</summary>
    SkippedCriterionLoses,

    /// <summary>Few deals leave the stage forward.</summary>
    LowConversion,

    /// <summary>Most deals skip a criterion and win as often without it: reword it or drop it.</summary>
    CriterionOftenSkipped,
}

/// <summary>A finding as data; the host words it into one sentence a process owner can act on.</summary>
/// <param name="Share">The share the finding is about (over allowed time, skipped, converted).</param>
/// <param name="Suggested">For <see cref="FindingKind.SlowStage"/>: an allowed time that fits what deals really take (the median, whole days).</param>
public sealed record ProcessFinding(
    FindingKind Kind,
    StageReport Stage,
    decimal Share,
    CriterionFigures? Criterion = null,
    TimeSpan? Suggested = null);

public sealed record ProcessReportResult(int Deals, IReadOnlyList<StageReport> Stages, IReadOnlyList<ProcessFinding> Findings);

/// <summary>"where do deals stall?": the process owner's view of where the process breaks.</summary>
public static class ProcessReport
{
    /// <summary>Fewer stays (or closed deals) than this in a stage make no finding: too few to act on.</summary>
    public const int MinimumSample = 5;

    public static ProcessReportResult For(IReadOnlyCollection<Deal> deals, SalesProcess process, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(process);
        // A deleted deal was a mistake or a duplicate: it says nothing about the process.
        deals = deals.Where(d => !d.IsDeleted).ToList();
        var stays = deals.SelectMany(d => StageStays.Of(d, process)).ToLookup(s => (s.Model.Id, s.Stage.Id));
        var stages = new List<StageReport>();
        foreach (var model in process.Models)
        {
            var ofModel = deals.Where(d => process.ModelOrDefault(d.ModelId).Id == model.Id).ToList();
            foreach (var stage in model.OpenStages)
            {
                var here = stays[(model.Id, stage.Id)].ToList();
                if (here.Count == 0)
                {
                    continue;
                }

                var lengths = here.Select(s => s.Length(now)).Order().ToList();
                var exits = here.Where(s => s.Exit is not null).ToList();
                stages.Add(new StageReport(
                    model,
                    stage,
                    here.Count,
                    Percentile(lengths, 0.5),
                    Percentile(lengths, 0.9),
                    here.Count(s => s.IsOver(now)),
                    exits.Count,
                    exits.Count(s => s.Converted == true),
                    stage.ExitCriteria.Select(c => Criterion(ofModel, model, stage, c)).ToList()));
            }
        }

        return new ProcessReportResult(deals.Count, stages, Findings(stages));
    }

    /// <summary>The nearest-rank percentile of sorted lengths: the smallest value with at least that share at or below it.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double share)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(share * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static CriterionFigures Criterion(IReadOnlyList<Deal> deals, SellingModel model, Stage stage, string criterion)
    {
        int passed = 0, skipped = 0, confirmedClosed = 0, confirmedWon = 0, skippedClosed = 0, skippedWon = 0;
        foreach (var deal in deals)
        {
            if (StageStays.ConfirmedOnTheWay(deal, model, stage, criterion) is not { } confirmed)
            {
                continue;
            }

            passed++;
            skipped += confirmed ? 0 : 1;
            if (!deal.IsOpen)
            {
                var won = deal.Status == DealStatus.Won ? 1 : 0;
                if (confirmed)
                {
                    confirmedClosed++;
                    confirmedWon += won;
                }
                else
                {
                    skippedClosed++;
                    skippedWon += won;
                }
            }
        }

        return new CriterionFigures(criterion, passed, skipped, confirmedClosed, confirmedWon, skippedClosed, skippedWon);
    }

    // The rules, each on a sample large enough to act on: more than half the stays over the allowed time; skipping a
    // criterion 20 points or more below confirming it in win rate; under half of the exits forward; more than half
    // skipping a criterion that makes no such difference. Most urgent first.
    private static List<ProcessFinding> Findings(IReadOnlyList<StageReport> stages)
    {
        var findings = new List<ProcessFinding>();
        foreach (var stage in stages)
        {
            if (stage.Stays >= MinimumSample && stage.ShareOver is > 0.5m && stage.Median is { } median)
            {
                findings.Add(new ProcessFinding(FindingKind.SlowStage, stage, stage.ShareOver.Value, Suggested: TimeSpan.FromDays(Math.Ceiling(median.TotalDays))));
            }

            if (stage.Exits >= MinimumSample && stage.Conversion is < 0.5m)
            {
                findings.Add(new ProcessFinding(FindingKind.LowConversion, stage, stage.Conversion.Value));
            }

            foreach (var criterion in stage.Criteria)
            {
                if (criterion is { ConfirmedWinRate: { } confirmed, SkippedWinRate: { } skippedRate, ConfirmedClosed: >= MinimumSample, SkippedClosed: >= MinimumSample }
                    && confirmed - skippedRate >= 0.2m)
                {
                    findings.Add(new ProcessFinding(FindingKind.SkippedCriterionLoses, stage, criterion.SkipShare ?? 0, criterion));
                }
                else if (criterion is { Passed: >= MinimumSample, SkipShare: > 0.5m })
                {
                    findings.Add(new ProcessFinding(FindingKind.CriterionOftenSkipped, stage, criterion.SkipShare!.Value, criterion));
                }
            }
        }

        return findings.OrderBy(f => f.Kind).ThenByDescending(f => f.Share).ToList();
    }
}
