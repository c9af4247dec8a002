using System.Globalization;
using SalesCoachBot.Core.Insights;

namespace SalesCoachBot.Replies;

/// <summary>
/// The English of what a rep is held to (Core's <see cref="ActivityTarget"/>, <see cref="TargetProgress"/>,
/// <see cref="QuotaProgress"/>): shared by the insight cards and the weekly digest and summary. A trend is always an
/// arrow and a word, never a colour alone.
/// </summary>
public static class ExpectationText
{
    /// <summary>A target's measure in a sentence: "calls", "new deals", "activities (all kinds)".</summary>
    public static string Measure(TargetMeasure measure) => measure switch
    {
        TargetMeasure.Calls => "calls",
        TargetMeasure.Meetings => "meetings",
        TargetMeasure.Emails => "emails",
        TargetMeasure.Demos => "demos",
        TargetMeasure.ProposalsSent => "proposals sent",
        TargetMeasure.Activities => "activities (all kinds)",
        _ => "new deals",
    };

    /// <summary>"20 calls a week", "1 new deal a week".</summary>
    public static string Target(ActivityTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var measure = target.PerWeek == 1 ? One(target.Measure) : Measure(target.Measure);
        return $"{target.PerWeek.ToString(UserFormat.Culture)} {measure} a week";
    }

    /// <summary>A measure after "1": "call", "new deal", "activity (any kind)".</summary>
    private static string One(TargetMeasure measure) => measure switch
    {
        TargetMeasure.Calls => "call",
        TargetMeasure.Meetings => "meeting",
        TargetMeasure.Emails => "email",
        TargetMeasure.Demos => "demo",
        TargetMeasure.ProposalsSent => "proposal sent",
        TargetMeasure.Activities => "activity (any kind)",
        _ => "new deal",
    };

    /// <summary>"↑ up", "↓ down", "= level": the arrow and its word, so the trend is not in the colour or the arrow alone.</summary>
    /// <summary>" so far" after the expected figure of a period still running: it is the part gone by, not the whole.</summary>
    private static string SoFar(TargetProgress progress) => progress.SoFar ? " so far" : string.Empty;

    public static string Trend(Trend trend) => trend switch
    {
        Core.Insights.Trend.Up => "↑ up",
        Core.Insights.Trend.Down => "↓ down",
        _ => "= level",
    };

    /// <summary>"12 of 20 expected (60%), ↑ up from 8 of 20 the period before".</summary>
    public static string Progress(TargetProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return $"{progress.Actual.ToString(UserFormat.Culture)} of {Number(progress.Expected)} expected{SoFar(progress)} ({Share(progress.Share)}), "
            + $"{Trend(progress.Trend)} from {progress.PreviousActual.ToString(UserFormat.Culture)} of {Number(progress.PreviousExpected)} the period before";
    }

    /// <summary>"calls 12 of 20 ↑ up (before 8 of 20)": a target's progress in one line of a list of reps.</summary>
    public static string ShortProgress(TargetProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return $"{Measure(progress.Target.Measure)} {progress.Actual.ToString(UserFormat.Culture)} of {Number(progress.Expected)}{SoFar(progress)} {Trend(progress.Trend)} (before {progress.PreviousActual.ToString(UserFormat.Culture)} of {Number(progress.PreviousExpected)})";
    }

    /// <summary>
    /// The answer to "what's my quota" / "what's Megan's quota": "Your quota is $90,000 a quarter, set by you. This quarter,
    /// won + commit is $67,000: 74% of it."
    /// </summary>
    /// <param name="repName">The rep a manager asked about; null for the asker's own.</param>
    /// <param name="setBy">Who set it, when not the asker.</param>
    public static string QuotaAnswer(string? repName, Core.Understanding.Money quota, string? setBy, Core.Understanding.Money wonAndCommit, decimal? share)
    {
        var whose = repName is null ? "Your" : repName + "'s";
        var who = setBy is null ? "you" : setBy;
        var only = repName is null && setBy is not null ? $" (only {setBy} can change it)" : string.Empty;
        return $"{whose} quota is {quota.Format()} a quarter, set by {who}{only}. This quarter, won + commit is {wonAndCommit.Format()}: {Share(share)} of it.";
    }

    /// <summary>"You have no quota set …", with how to set one.</summary>
    public static string NoQuota(string? repName) => repName is null
        ? "You have no quota set. Say \"my quota is 300k\" to set your quarterly quota, or ask your manager to set it."
        : $"{repName} has no quota set. Say \"{repName}'s quota is 300k\" to set their quarterly quota.";

    /// <summary>A rep's own "my quota is …" when their manager set it: nothing changes, and they are told who to ask.</summary>
    public static string QuotaKept(Core.Understanding.Money? quota, string? setBy)
    {
        var who = setBy ?? "your manager";
        var amount = quota is { } q ? $" of {q.Format()} a quarter" : string.Empty;
        return $"Your quota{amount} was set by {who}, so only they can change it; I left it as it is. Ask {who} if it should be different.";
    }

    /// <summary>"$300,000 a quarter (from the targets file): won + commit this quarter 45%, ↑ up from 30% won last quarter".</summary>
    public static string Quota(QuotaProgress quota)
    {
        ArgumentNullException.ThrowIfNull(quota);
        var source = quota.Source == ExpectationSource.File ? " (from the targets file)" : string.Empty;
        return $"{quota.Quota.Format()} a quarter{source}: won + commit this quarter {Share(quota.ThisQuarter)}, {Trend(quota.Trend)} from {Share(quota.LastQuarter)} won last quarter";
    }

    /// <summary>Every target and the quota on one line: "calls 12 of 20 ↑ up (before 8 of 20); quota 45% of $300,000 ↑ up (last quarter 30%)".</summary>
    public static string ShortExpectations(ExpectationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var parts = report.Targets.Select(ShortProgress).ToList();
        if (report.Quota is { } quota)
        {
            parts.Add($"quota {Share(quota.ThisQuarter)} of {quota.Quota.Format()} {Trend(quota.Trend)} (last quarter {Share(quota.LastQuarter)})");
        }

        return parts.Count == 0 ? "none set" : string.Join("; ", parts);
    }

    /// <summary>The lines of a stats card's "Against expectations" section: one per target, then the quota.</summary>
    public static IEnumerable<(string Name, string Value)> Expectations(ExpectationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var target in report.Targets)
        {
            var measure = Measure(target.Target.Measure);
            yield return ($"{char.ToUpperInvariant(measure[0])}{measure[1..]} ({target.Target.PerWeek.ToString(UserFormat.Culture)} a week)", Progress(target));
        }

        if (report.Quota is { } quota)
        {
            yield return ("Quota", Quota(quota));
        }
    }

    /// <summary>A count that may have a decimal: "20", "85.7".</summary>
    public static string Number(decimal value) => value.ToString("#,##0.#", UserFormat.Culture);

    private static string Share(decimal? share) => share is { } value ? (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
