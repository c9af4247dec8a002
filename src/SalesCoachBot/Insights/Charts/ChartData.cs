using System.Text.Json.Serialization;

namespace SalesCoachBot.Insights.Charts;

/// <summary>
/// What a chart shows, as plain data: the renderer draws it and the signed link carries it, so any instance can draw the
/// picture from the link alone. Every label and value text is worded by the caller (the host's feature), never here.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "k")]
[JsonDerivedType(typeof(FunnelChart), "funnel")]
[JsonDerivedType(typeof(TargetChart), "target")]
[JsonDerivedType(typeof(TrendChart), "trend")]
[JsonDerivedType(typeof(StageTimeChart), "stageTime")]
public abstract record ChartData(string Title);

/// <summary>One bar: its label, the value that sets its length, and how the value is written beside it ("12 deals · $340,000").</summary>
/// <param name="DrawnText">
/// What the picture writes beside the bar when the exact text would not fit its label space ("12 deals · $340k"); the
/// card's text and the picture's alt text keep <paramref name="ValueText"/>, every number exact.
/// </param>
public sealed record ChartBar(string Label, double Value, string ValueText, string? DrawnText = null);

/// <summary>The pipeline by stage, first stage on top, each bar as wide as its value (usually the number of deals).</summary>
public sealed record FunnelChart(string Title, IReadOnlyList<ChartBar> Stages) : ChartData(Title);

/// <summary>Bars against a target line, e.g. the forecast (commit, best case, pipeline) against the quota.</summary>
/// <param name="Target">The target's value on the bars' scale; null draws no line.</param>
/// <param name="TargetText">How the target is written on its line ("Target $300,000").</param>
public sealed record TargetChart(string Title, IReadOnlyList<ChartBar> Bars, double? Target, string? TargetText) : ChartData(Title);

/// <summary>Week-by-week lines, one panel per series (a win rate and an activity count do not share a scale).</summary>
/// <param name="Weeks">The label of each week, oldest first ("Nov 2").</param>
public sealed record TrendChart(string Title, IReadOnlyList<string> Weeks, IReadOnlyList<TrendSeries> Series) : ChartData(Title);

/// <param name="Values">One value per week; null where there is nothing to measure (no deal closed that week).</param>
/// <param name="Percent">True: values are fractions (0.25) drawn and written as percentages.</param>
public sealed record TrendSeries(string Name, IReadOnlyList<double?> Values, bool Percent);

/// <summary>Time spent in each stage against the time the process allows for it.</summary>
public sealed record StageTimeChart(string Title, IReadOnlyList<StageTime> Stages) : ChartData(Title);

/// <param name="Days">The measured time in the stage (a median, say), in days.</param>
/// <param name="AllowedDays">The process's allowed time in days; null when the stage has no limit.</param>
public sealed record StageTime(string Label, double Days, double? AllowedDays);
