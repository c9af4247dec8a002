namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// What a rep asked for, parsed from free text. Deals are still phrases here; handlers resolve them against the rep's deals.
/// A deal phrase that is empty (<see cref="DealPhrases.Context"/>) means "it": the deal the rep last dealt with in this chat.
/// </summary>
public abstract record Command;

/// <summary>How a command names its deal.</summary>
public static class DealPhrases
{
    /// <summary>"it", "that deal", "this one", or no deal named at all: the deal the rep last dealt with.</summary>
    public const string Context = "";

    public static bool IsContext(string phrase) => phrase.Length == 0;
}

public sealed record ShowHelp : Command;

public sealed record Greet : Command;

/// <summary>"my deals", "my deals page 2": the open deals, a page at a time (1-based).</summary>
public sealed record ListDeals(int Page = 1) : Command;

public sealed record ShowDeal(string DealPhrase) : Command;

/// <param name="ModelId">The selling model named in the message, or null for the process's default.</param>
public sealed record CreateDeal(string Name, Money? Amount, string? ModelId) : Command
{
    /// <summary>"… closing dec 15" / "… by friday" said with the new deal.</summary>
    public DateOnly? ExpectedClose { get; init; }

    /// <summary>"… in discovery": the stage the deal starts in, when not the model's first.</summary>
    public string? StagePhrase { get; init; }

    /// <summary>"… small business": the customer type, as said.</summary>
    public string? CustomerTypePhrase { get; init; }

    /// <summary>"…, next step demo friday".</summary>
    public string? NextStepText { get; init; }

    public DateOnly? NextStepDue { get; init; }
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

public sealed record MoveDeal(string DealPhrase, string StagePhrase, ExitConfirmation Confirmation = ExitConfirmation.Ask) : Command
{
    /// <summary>Other facts said in the same breath ("moved contoso to proposal at 50k, closing march 3").</summary>
    public DealFields Also { get; init; } = DealFields.None;
}

/// <summary>Fields of a deal said together in one message; each is null when not said.</summary>
public sealed record DealFields(Money? Amount = null, DateOnly? ExpectedClose = null, string? ModelPhrase = null, string? CustomerTypePhrase = null, string? NextStepText = null, DateOnly? NextStepDue = null)
{
    public static DealFields None { get; } = new();

    public bool IsEmpty => this == None;
}

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

/// <summary>"what's the difference between qualify and discovery?": both stages side by side.</summary>
public sealed record CompareStages(string StagePhrase, string OtherStagePhrase) : Command;

/// <summary>"walk me through the process": one stage per card, with Next and Back.</summary>
public sealed record StartTour(string? ModelPhrase) : Command;

public sealed record SetNextStep(string DealPhrase, string Text, DateOnly? Due) : Command;

public sealed record SetAmount(string DealPhrase, Money Amount) : Command;

public sealed record SetCloseDate(string DealPhrase, DateOnly Date) : Command;

public sealed record CloseDeal(string DealPhrase, bool Won, string? Reason) : Command
{
    /// <summary>"signed contoso at 48k": the final amount said with the win.</summary>
    public Money? Amount { get; init; }
}

/// <summary>"reopen contoso": a closed deal is open again, in the stage it closed from.</summary>
public sealed record ReopenDeal(string DealPhrase) : Command;

/// <summary>"undo": the rep's last change, whatever it was.</summary>
/// <summary>
/// "undo": the rep's newest change; "undo tailspin" / "undo the last change to tailspin": that deal's newest change.
/// <paramref name="Said"/> is the whole message, so a deal named anywhere in it ("tailspin wasn't won, undo that") picks
/// the deal whose change is put back, never another one.
/// </summary>
public sealed record Undo(string? DealPhrase = null, string? Said = null) : Command;

/// <summary>"rename contoso to Contoso Pharma".</summary>
public sealed record RenameDeal(string DealPhrase, string NewName) : Command;

/// <summary>"delete contoso": asks first; a soft delete that undo restores.</summary>
public sealed record DeleteDeal(string DealPhrase) : Command;

/// <summary>"contoso is enterprise", "change contoso to transactional".</summary>
public sealed record ChangeModel(string DealPhrase, string ModelPhrase) : Command;

/// <summary>"tailspin is a small business".</summary>
public sealed record SetCustomerType(string DealPhrase, string CustomerTypePhrase) : Command;

/// <summary>"push fabrikam out two weeks", "slipped a month", "pull contoso in a week": the close date moves (back when negative).</summary>
public sealed record ShiftCloseDate(string DealPhrase, int Days, int Months = 0) : Command;

/// <summary>"fabrikam: 30k, closes march 3": several fields of one deal at once, all applied or none.</summary>
public sealed record UpdateDeal(string DealPhrase, DealFields Fields) : Command;

public enum ActivityKind
{
    Call,
    Meeting,
    Email,
    Demo,
    ProposalSent,
    Other,
}

/// <summary>"called contoso", "demo with fabrikam yesterday", "log a call with tailspin: they want a discount".</summary>
public sealed record LogActivity(string DealPhrase, ActivityKind Kind, DateOnly Date, string? Note) : Command;

/// <summary>"remind me about tailspin tomorrow": a reminder on that date. Not a snooze.</summary>
public sealed record RemindMe(string DealPhrase, DateOnly Date, string? Note) : Command;

/// <summary>What a question about results asks for.</summary>
public enum InsightKind
{
    Forecast,
    Stats,
    AtRisk,
    Due,
    TeamPipeline,
    TeamForecast,
    TeamStats,
    RepStats,
}

/// <summary>A calendar period a question is about, in the asker's time zone.</summary>
public enum PeriodKind
{
    ThisWeek,
    LastWeek,
    ThisMonth,
    LastMonth,
    ThisQuarter,
    LastQuarter,
    NextQuarter,
    ThisYear,
    LastYear,

    /// <summary>"what's due today?": one day. Added after the others so their values stay the same.</summary>
    Today,

    /// <summary>"anything due tomorrow".</summary>
    Tomorrow,

    /// <summary>"stats ytd": the (fiscal) year up to and including today, compared with the same days a year before.</summary>
    YearToDate,
}

/// <summary>"what's my forecast this quarter", "how is Dana doing?", "team pipeline", "what's due this week".</summary>
/// <param name="RepPhrase">The rep a manager asks about, for <see cref="InsightKind.RepStats"/>.</param>
public sealed record AskInsight(InsightKind Kind, PeriodKind? Period, string? RepPhrase) : Command
{
    /// <summary>
    /// For a bare "how's dana" / "how is contoso?": the shape of a question about a person, but the one word may be a deal's
    /// name, which only the host knows. The host shows that deal when this names one of the asker's deals.
    /// </summary>
    public string? OrDealPhrase { get; init; }

    /// <summary>"my stats from nov 1 to nov 15", "how did i do in october": days the rep named, instead of <see cref="Period"/>.</summary>
    public DayRange? Range { get; init; }
}

/// <summary>Days a rep named for a report, both ends included.</summary>
public sealed record DayRange(DateOnly First, DateOnly Last);

/// <param name="Hint">What was almost understood, when the message came close to a command; the host words how to say it.</param>
public sealed record NotUnderstood(string Text, ParseHint? Hint) : Command;

/// <summary>Which command a message came close to, so the answer can show how to say it.</summary>
public enum HintCode
{
    /// <summary>Values: the message's length, the longest read.</summary>
    MessageTooLong,

    /// <summary>Values: the stage names of the default model.</summary>
    HowToMove,
    HowToCreate,
    HowToSnooze,
    HowToRemind,
    HowToRename,
    HowToDelete,
    HowToLogActivity,
    HowToSetNextStep,

    /// <summary>Values: what to be reminded about.</summary>
    RemindWhenAbout,

    /// <summary>Values: what to be reminded to do.</summary>
    RemindWhenTo,
    SnoozeTooLong,

    /// <summary>Values: the snooze as said, the deal.</summary>
    UnreadableSnooze,

    /// <summary>Values: the amount as said.</summary>
    UnreadableAmount,

    /// <summary>Values: the model as said, the models there are.</summary>
    UnknownModel,
    DealNameMissing,

    /// <summary>Values: the shift as said, the deal.</summary>
    UnreadableShift,

    /// <summary>Values: the customer type as said, the types there are.</summary>
    UnknownCustomerType,

    /// <summary>"closes the 32nd of january", "feb 30": a date that does not exist. Values: the date as said.</summary>
    UnreadableDate,

    /// <summary>"closing yesterday": a close date already past. Values: the date as said, the date it means (ISO).</summary>
    DateInPast,

    /// <summary>Values: what read as the deal's name, the words after it that did not read as fields.</summary>
    UnreadableWords,

    /// <summary>"move northwind to qualify, 36k, model wholesale": facts said with a move, not all read. Values: the deal, the stage, the words after the stage.</summary>
    UnreadableFacts,
}

/// <summary>A hint as data: the code, and the words of the message (or of the process) it needs. No English here.</summary>
public sealed record ParseHint(HintCode Code, IReadOnlyList<string> Values)
{
    public static ParseHint Of(HintCode code, params string[] values) => new(code, values);

    public string Value(int index) => index < Values.Count ? Values[index] : string.Empty;
}

/// <summary>What the parser needs to resolve relative words: the rep's "today" (in their time zone) and the process for model names.</summary>
public sealed record ParseContext(DateOnly Today, Process.SalesProcess Process)
{
    /// <summary>What dates are read against: today, and the process file's fiscal year start for quarters.</summary>
    public DateBasis Dates => new(Today, Process.FiscalYearStartMonth);
}

/// <summary>How long to snooze: until a date, for a while, or until the next step is due.</summary>
public sealed record SnoozeSpec(DateOnly? Until, TimeSpan? For, bool UntilNextStep);

/// <summary>"snooze contoso until friday", "snooze contoso 3 days", "snooze contoso until the next step is due".</summary>
public sealed record SnoozeDeal(string DealPhrase, SnoozeSpec Spec) : Command;

/// <summary>"unsnooze fabrikam", "cancel the snooze on fabrikam": reminders come as usual again.</summary>
public sealed record LiftSnooze(string DealPhrase) : Command;

/// <summary>"my hours 8-17 mon-fri": when reminders may reach the user.</summary>
public sealed record SetWorkingHours(string Spec) : Command;

/// <summary>"my timezone Europe/Berlin".</summary>
public sealed record SetTimeZone(string TimeZoneId) : Command;

/// <summary>"my manager is Morgan Lee" or "my manager is morgan@contoso.com".</summary>
public sealed record SetManager(string Who) : Command;

/// <summary>"stalled deals": a manager's team, or a rep's own, past the allowed time.</summary>
public sealed record ShowStalled : Command;
