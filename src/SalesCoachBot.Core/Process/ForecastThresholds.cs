using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Core.Process;

/// <summary>
/// The process file's <c>forecast</c> section: the stage win probability from which an open deal counts as commit, and
/// from which as best case; below both it is pipeline. Defaults: commit from 0.7, best case from 0.4.
/// </summary>
public sealed record ForecastThresholds(decimal CommitFrom, decimal BestCaseFrom)
{
    public static ForecastThresholds Default { get; } = new(0.7m, 0.4m);

    public ForecastCategory CategoryOf(decimal winProbability) =>
        winProbability >= CommitFrom ? ForecastCategory.Commit
        : winProbability >= BestCaseFrom ? ForecastCategory.BestCase
        : ForecastCategory.Pipeline;
}
