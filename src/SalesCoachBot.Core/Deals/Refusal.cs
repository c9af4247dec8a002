namespace SalesCoachBot.Core.Deals;

/// <summary>Which rule said no. The host turns each into words; a new one fails its build until it is worded.</summary>
public enum RefusalCode
{
    NameMissing,
    NameTooLong,
    AmountNotPositive,
    AlreadyInStage,
    NotAStageOfModel,
    NoClosingStage,
    ReasonTooLong,
    NextStepMissing,
    NextStepTooLong,
    NextStepDueInPast,
    ExpectedCloseInPast,
    MovedOnSinceChecklist,
    AlreadyClosed,
    NothingToSnooze,
    NotSnoozed,
    NotLost,
    AlreadyOpen,
    SameName,
    SameModel,
    ActivityInFuture,
    NoteTooLong,
    NoCloseDateToShift,
    UnknownModel,
    UnknownCustomerType,
    NotAnOpenStage,
    NothingToChange,
    AlreadyDeleted,
    ReminderInPast,
    NameReadsAsUndo,
}

/// <summary>
/// Why a change to a deal was refused, as data: the rule, and the few values a reply needs to explain it. The domain
/// speaks no language; the host words it for the rep. Build one with the factory named for the rule.
/// </summary>
public sealed record Refusal(RefusalCode Code)
{
    /// <summary>The deal the refusal is about, by name.</summary>
    public string? DealName { get; init; }

    public string? StageName { get; init; }

    public string? ModelName { get; init; }

    /// <summary>The longest allowed, in characters.</summary>
    public int? Limit { get; init; }

    /// <summary>How long the refused text was, in characters.</summary>
    public int? Length { get; init; }

    /// <summary>What the rep said that names nothing in the process (a model, a customer type, a stage).</summary>
    public string? Phrase { get; init; }

    /// <summary>The refused date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>How the deal is closed (<see cref="RefusalCode.AlreadyClosed"/>), or which closing stage is missing (<see cref="RefusalCode.NoClosingStage"/>).</summary>
    public DealStatus? Status { get; init; }

    public static Refusal NameMissing() => new(RefusalCode.NameMissing);

    public static Refusal NameTooLong(int length, int limit) => new(RefusalCode.NameTooLong) { Length = length, Limit = limit };

    public static Refusal AmountNotPositive() => new(RefusalCode.AmountNotPositive);

    public static Refusal AlreadyInStage(string dealName, string stageName) =>
        new(RefusalCode.AlreadyInStage) { DealName = dealName, StageName = stageName };

    public static Refusal NotAStageOfModel(string stageName, string modelName) =>
        new(RefusalCode.NotAStageOfModel) { StageName = stageName, ModelName = modelName };

    /// <param name="outcome"><see cref="DealStatus.Won"/> or <see cref="DealStatus.Lost"/>: the close that has no stage.</param>
    public static Refusal NoClosingStage(string modelName, DealStatus outcome) =>
        new(RefusalCode.NoClosingStage) { ModelName = modelName, Status = outcome };

    public static Refusal ReasonTooLong(int limit) => new(RefusalCode.ReasonTooLong) { Limit = limit };

    public static Refusal NextStepMissing() => new(RefusalCode.NextStepMissing);

    public static Refusal NextStepTooLong(int limit) => new(RefusalCode.NextStepTooLong) { Limit = limit };

    public static Refusal NextStepDueInPast(DateOnly due) => new(RefusalCode.NextStepDueInPast) { Date = due };

    public static Refusal ExpectedCloseInPast(DateOnly date) => new(RefusalCode.ExpectedCloseInPast) { Date = date };

    public static Refusal MovedOnSinceChecklist(string dealName) => new(RefusalCode.MovedOnSinceChecklist) { DealName = dealName };

    public static Refusal AlreadyClosed(string dealName, DealStatus status) =>
        new(RefusalCode.AlreadyClosed) { DealName = dealName, Status = status };

    public static Refusal NothingToSnooze(string dealName) => new(RefusalCode.NothingToSnooze) { DealName = dealName };

    public static Refusal NotSnoozed(string dealName) => new(RefusalCode.NotSnoozed) { DealName = dealName };

    public static Refusal NotLost(string dealName) => new(RefusalCode.NotLost) { DealName = dealName };

    public static Refusal AlreadyOpen(string dealName) => new(RefusalCode.AlreadyOpen) { DealName = dealName };

    public static Refusal SameName(string dealName) => new(RefusalCode.SameName) { DealName = dealName };

    public static Refusal SameModel(string dealName, string modelName) => new(RefusalCode.SameModel) { DealName = dealName, ModelName = modelName };

    public static Refusal ActivityInFuture(DateOnly date) => new(RefusalCode.ActivityInFuture) { Date = date };

    public static Refusal NoteTooLong(int limit) => new(RefusalCode.NoteTooLong) { Limit = limit };

    public static Refusal NoCloseDateToShift(string dealName) => new(RefusalCode.NoCloseDateToShift) { DealName = dealName };

    public static Refusal UnknownModel(string phrase) => new(RefusalCode.UnknownModel) { Phrase = phrase };

    public static Refusal UnknownCustomerType(string phrase) => new(RefusalCode.UnknownCustomerType) { Phrase = phrase };

    public static Refusal NotAnOpenStage(string phrase, string modelName) => new(RefusalCode.NotAnOpenStage) { Phrase = phrase, ModelName = modelName };

    public static Refusal NothingToChange() => new(RefusalCode.NothingToChange);

    /// <summary>A name with "undo" in it: every message naming the deal would undo the rep's last change instead.</summary>
    public static Refusal NameReadsAsUndo(string name) => new(RefusalCode.NameReadsAsUndo) { Phrase = name };

    public static Refusal AlreadyDeleted(string dealName) => new(RefusalCode.AlreadyDeleted) { DealName = dealName };

    public static Refusal ReminderInPast(DateOnly date) => new(RefusalCode.ReminderInPast) { Date = date };
}
