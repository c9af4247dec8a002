using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Core.Understanding;

/// <summary>"where do deals stall?", "process report", "process report for enterprise": the process owner's view.</summary>
/// <param name="ModelId">The selling model asked about; null for every model.</param>
public sealed record ShowProcessReport(string? ModelId) : Command;

/// <summary>"put contoso in commit", "contoso is best case", "take contoso out of commit" (null: by its stage's probability).</summary>
public sealed record SetForecastCategory(string DealPhrase, ForecastCategory? Category) : Command;

/// <summary>"Dana's deals", "what is Dana working on", "show Dana's Contoso" (read-only; a manager's own reps only).</summary>
/// <param name="DealPhrase">The one deal asked about; null for the rep's whole pipeline.</param>
public sealed record ShowRepDeals(string RepPhrase, string? DealPhrase) : Command;

/// <summary>"my quota is 300k this quarter", "Dana's quota is 300k this quarter": a quarterly quota (a rep's own, or a manager's rep's).</summary>
/// <param name="RepPhrase">The rep a manager names; null for the speaker.</param>
public sealed record SetQuota(string? RepPhrase, Money Amount) : Command;

/// <summary>"what's my quota", "what's Megan's quota": the quota, who set it, and won + commit against it this quarter.</summary>
/// <param name="RepPhrase">The rep a manager names; null for the speaker.</param>
public sealed record AskQuota(string? RepPhrase) : Command;
