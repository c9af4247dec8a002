namespace SalesCoachBot.Core.Understanding;

/// <summary>What a rep asked for, parsed from free text. Deals are still phrases here; handlers resolve them against the rep's deals.</summary>
public abstract record Command;

public sealed record ShowHelp : Command;

public sealed record Greet : Command;

public sealed record ListDeals : Command;

public sealed record ShowDeal(string DealPhrase) : Command;

/// <param name="ModelId">The selling model named in the message, or null for the process's default.</param>
public sealed record CreateDeal(string Name, Money? Amount, string? ModelId) : Command;

public sealed record MoveDeal(string DealPhrase, string StagePhrase) : Command;

/// <summary>"advance contoso": to the next open stage of the deal's model.</summary>
public sealed record AdvanceDeal(string DealPhrase) : Command;

public sealed record SetNextStep(string DealPhrase, string Text, DateOnly? Due) : Command;

public sealed record SetAmount(string DealPhrase, Money Amount) : Command;

public sealed record SetCloseDate(string DealPhrase, DateOnly Date) : Command;

public sealed record CloseDeal(string DealPhrase, bool Won, string? Reason) : Command;

/// <param name="Hint">What was almost understood and how to say it, when the message came close to a command.</param>
public sealed record NotUnderstood(string Text, string? Hint) : Command;

/// <summary>What the parser needs to resolve relative words: the rep's "today" (in their time zone) and the process for model names.</summary>
public sealed record ParseContext(DateOnly Today, Process.SalesProcess Process);
