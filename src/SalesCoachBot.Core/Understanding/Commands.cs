namespace SalesCoachBot.Core.Understanding;

/// <summary>What a rep asked for, parsed from free text. Deals are still phrases here; handlers resolve them against the rep's deals.</summary>
public abstract record Command;

public sealed record ShowHelp : Command;

public sealed record Greet : Command;

public sealed record ListDeals : Command;

public sealed record ShowDeal(string DealPhrase) : Command;

/// <param name="ModelId">The selling model named in the message, or null for the process's default.</param>
public sealed record CreateDeal(string Name, Money? Amount, string? ModelId) : Command
{
    /// <summary>"… closing dec 15" / "… by friday" said with the new deal.</summary>
    public DateOnly? ExpectedClose { get; init; }
}

/// <summary>How a rep said the stage's exit criteria stand when moving forward.</summary>
public enum ExitConfirmation
{
    /// <summary>Nothing said: show the criteria and ask.</summary>
    Ask,

    /// <summary>"… confirmed" / "… criteria met": every criterion is met.</summary>
    AllMet,

    /// <summary>"… anyway": move without confirming (refused where the stage blocks on unmet criteria).</summary>
    Anyway,
}

public sealed record MoveDeal(string DealPhrase, string StagePhrase, ExitConfirmation Confirmation = ExitConfirmation.Ask) : Command;

/// <summary>"advance contoso": to the next open stage of the deal's model.</summary>
public sealed record AdvanceDeal(string DealPhrase, ExitConfirmation Confirmation = ExitConfirmation.Ask) : Command;

/// <summary>"what now for contoso": the coaching card for the deal's current stage.</summary>
public sealed record CoachDeal(string DealPhrase) : Command;

/// <summary>"how does our sales process work?", "what's the enterprise process?": the process map.</summary>
public sealed record ExplainProcess(string? ModelPhrase) : Command;

/// <summary>Which part of a stage a question is about; the card leads with it.</summary>
public enum StageTopic
{
    Overview,
    Actions,
    ExitCriteria,
    Timing,
}

/// <summary>"what do I do at discovery?", "exit criteria for qualify", "how long should a deal stay in proposal?".</summary>
public sealed record ExplainStage(string StagePhrase, StageTopic Topic) : Command;

/// <summary>"what tools do I use for a demo?", "what collateral do I use at discovery?".</summary>
/// <param name="Target">A stage or a kind of tool ("demo", "direct mail").</param>
/// <param name="KindWord">The kind of tool asked for ("collateral"), or null for any tool.</param>
public sealed record ExplainTools(string Target, string? KindWord) : Command;

/// <summary>"what is a qualified prospect?": a glossary term, customer type, stage or model.</summary>
public sealed record Define(string Term) : Command;

/// <summary>"walk me through the process": one stage per card, with Next and Back.</summary>
public sealed record StartTour(string? ModelPhrase) : Command;

public sealed record SetNextStep(string DealPhrase, string Text, DateOnly? Due) : Command;

public sealed record SetAmount(string DealPhrase, Money Amount) : Command;

public sealed record SetCloseDate(string DealPhrase, DateOnly Date) : Command;

public sealed record CloseDeal(string DealPhrase, bool Won, string? Reason) : Command;

/// <param name="Hint">What was almost understood and how to say it, when the message came close to a command.</param>
public sealed record NotUnderstood(string Text, string? Hint) : Command;

/// <summary>What the parser needs to resolve relative words: the rep's "today" (in their time zone) and the process for model names.</summary>
public sealed record ParseContext(DateOnly Today, Process.SalesProcess Process);

/// <summary>How long to snooze: until a date, for a while, or until the next step is due.</summary>
public sealed record SnoozeSpec(DateOnly? Until, TimeSpan? For, bool UntilNextStep);

/// <summary>"snooze contoso until friday", "snooze contoso 3 days", "snooze contoso until the next step is due".</summary>
public sealed record SnoozeDeal(string DealPhrase, SnoozeSpec Spec) : Command;

/// <summary>"my hours 8-17 mon-fri": when reminders may reach the user.</summary>
public sealed record SetWorkingHours(string Spec) : Command;

/// <summary>"my timezone Europe/Berlin".</summary>
public sealed record SetTimeZone(string TimeZoneId) : Command;

/// <summary>"my manager is Morgan Lee" or "my manager is morgan@contoso.com".</summary>
public sealed record SetManager(string Who) : Command;

/// <summary>"stalled deals": a manager's team, or a rep's own, past the allowed time.</summary>
public sealed record ShowStalled : Command;
