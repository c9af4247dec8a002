using SalesCoachBot.Insights.Charts;

namespace SalesCoachBot.Tests.Insights.Charts;

/// <summary>One chart of each kind, with the numbers an insight card would give it.</summary>
public static class ChartSamples
{
    public static FunnelChart Funnel { get; } = new("Your pipeline by stage",
    [
        new ChartBar("Prospect", 14, "14 deals · $820,000"),
        new ChartBar("Qualify", 9, "9 deals · $610,000"),
        new ChartBar("Discovery", 6, "6 deals · $455,000"),
        new ChartBar("Proposal", 4, "4 deals · $330,000"),
        new ChartBar("Negotiation", 1, "1 deal · $95,000"),
    ]);

    public static TargetChart Forecast { get; } = new("Forecast this quarter against target",
    [
        new ChartBar("Commit", 180_000, "$180,000"),
        new ChartBar("Best case", 245_000, "$245,000"),
        new ChartBar("Pipeline", 410_000, "$410,000"),
        new ChartBar("Weighted", 198_500, "$198,500"),
    ], 300_000, "Target $300,000");

    public static TrendChart Trend { get; } = new("Win rate and activity by week",
        ["Sep 7", "Sep 14", "Sep 21", "Sep 28", "Oct 5", "Oct 12", "Oct 19", "Oct 26", "Nov 2", "Nov 9", "Nov 16", "Nov 23"],
    [
        new TrendSeries("Win rate", [0.25, 0.5, null, 0.33, 0.4, 0.5, 0.2, 0.6, 0.45, null, 0.5, 0.55], Percent: true),
        new TrendSeries("Activities", [12, 15, 9, 18, 22, 14, 17, 25, 19, 8, 21, 23], Percent: false),
    ]);

    public static StageTimeChart StageTime { get; } = new("Median time in stage against allowed",
    [
        new StageTime("Prospect", 5.5, 7),
        new StageTime("Qualify", 12, 10),
        new StageTime("Discovery", 9, 14),
        new StageTime("Proposal", 23, 14),
        new StageTime("Negotiation", 6, null),
    ]);

    public static IEnumerable<ChartData> All => [Funnel, Forecast, Trend, StageTime];

    public static TheoryData<string> Names() => new(All.Select(c => c.GetType().Name));

    public static ChartData Named(string name) => All.Single(c => c.GetType().Name == name);
}
