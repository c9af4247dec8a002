using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Deals;

/// <summary>Whose data this is: every read and write is scoped to one tenant and one user.</summary>
public readonly record struct OwnerKey(string TenantId, string UserId)
{
    public override string ToString() => $"{TenantId}/{UserId}";
}

public enum DealStatus
{
    Open,
    Won,
    Lost,
}

/// <summary>A rep's deal. Immutable: changes go through <see cref="DealRules"/> and are saved with optimistic concurrency.</summary>
public sealed record Deal : IVersioned
{
    /// <summary>How many recent activity ids a deal remembers, so a retried Teams activity is not applied twice.</summary>
    public const int RememberedActivities = 20;

    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string OwnerId { get; init; }

    public required string Name { get; init; }

    public Money? Amount { get; init; }

    public required string ModelId { get; init; }

    public required string StageId { get; init; }

    public required DateTimeOffset StageEnteredAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateOnly? ExpectedClose { get; init; }

    public NextStep? NextStep { get; init; }

    /// <summary>
    /// The next step the deal had when it was won or lost (a win puts its follow-up in its place, a loss clears it), so
    /// a reopen puts it back; null while the deal is open, or for a deal closed before it was kept.
    /// </summary>
    public NextStep? NextStepBeforeClose { get; init; }

    public DealStatus Status { get; init; } = DealStatus.Open;

    public string? LostReason { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public IReadOnlyList<StageChange> History { get; init; } = [];

    /// <summary>The current stage's actions the rep has ticked off on the coaching card; cleared when the stage changes.</summary>
    public IReadOnlyList<string> DoneActions { get; init; } = [];

    public IReadOnlyList<string> AppliedActivities { get; init; } = [];

    /// <summary>The customer type from the process file (<c>customerTypes[].id</c>), when the rep said it.</summary>
    public string? CustomerTypeId { get; init; }

    /// <summary>The forecast category the rep put this deal in ("put contoso in commit"); null: by its stage's probability.</summary>
    public ForecastCategory? ForecastOverride { get; init; }

    /// <summary>What the rep did on the deal (calls, meetings, emails, demos, proposals), newest last.</summary>
    public IReadOnlyList<DealActivity> Activities { get; init; } = [];

    /// <summary>
    /// The deal's next steps, oldest first, at most <see cref="DealRules.MaxNextStepHistory"/>: when each was set, its due
    /// date, when the rep made progress on it and when it was replaced. Empty for a deal saved before it was kept.
    /// </summary>
    public IReadOnlyList<NextStepRecord> NextStepHistory { get; init; } = [];

    /// <summary>
    /// The reminder the rep asked for ("remind me about tailspin friday"): sent once on its day, apart from the reminder
    /// ladder and the next step; cleared when it goes out or the deal closes. Null when none is pending.
    /// </summary>
    public AskedReminder? AskedReminder { get; init; }

    /// <summary>Where the deal is on the reminder ladder; kept in step by <see cref="Reminders.ReminderLadder.AfterChange"/>.</summary>
    public Reminders.ReminderState Reminder { get; init; } = new();

    /// <summary>When the rep deleted the deal (a soft delete: the data stays, and <c>undo</c> brings it back); null while it is not deleted.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Who deleted it (the owner's user id).</summary>
    public string? DeletedBy { get; init; }

    /// <summary>
    /// What <c>undo</c> can put back, oldest first: each change the rep made, with the deal as it was before it. Kept in
    /// the deal itself so the change and its undo entry are one write on every store (bounded by <see cref="UndoTrail"/>).
    /// </summary>
    public IReadOnlyList<UndoEntry> Undo { get; init; } = [];

    /// <summary>The store's version of this deal when it was read; null for a deal not yet saved.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ETag { get; init; }

    public OwnerKey Owner => new(TenantId, OwnerId);

    /// <summary>Open and not deleted: what the pipeline, name matching and reminders see.</summary>
    public bool IsOpen => Status == DealStatus.Open && !IsDeleted;

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>
    /// Whether the reminder ladder watches the deal: every open deal, and a won deal with a dated follow-up (the
    /// check-in after the handover is reminded like any next step).
    /// </summary>
    public bool IsReminded => IsOpen || (Status == DealStatus.Won && !IsDeleted && NextStep?.Due is not null);

    public bool HasApplied(string? activityId) => activityId is not null && AppliedActivities.Contains(activityId);
}

public sealed record NextStep(string Text, DateOnly? Due, DateTimeOffset SetAt);

/// <summary>A reminder the rep asked for: on <paramref name="On"/>, at the start of their working day in their time zone.</summary>
/// <param name="Note">What to be reminded of, when the rep said it ("send the pricing"); null for a plain "remind me about X".</param>
/// <param name="SetAt">When it was asked for: identifies it, so one already sent is never brought back by an undo.</param>
public sealed record AskedReminder(DateOnly On, string? Note, DateTimeOffset SetAt);

/// <summary>
/// One next step in the deal's history (without its text: only what "done on time" needs). It is <b>done</b> when the
/// rep made progress on the deal after it was set (an activity, a move forward, a win), and <b>ended</b> when another
/// next step replaced it or the deal was lost.
/// </summary>
public sealed record NextStepRecord(DateTimeOffset SetAt, DateOnly? Due)
{
    public DateTimeOffset? DoneAt { get; init; }

    /// <summary>The day the progress was done, when the rep said it (an activity's own date); else the day of <see cref="DoneAt"/>.</summary>
    public DateOnly? DoneOn { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}

/// <summary>One entry of a deal's stage history. <see cref="FromStageId"/> is null when the deal was created.</summary>
/// <param name="Skipped">Ids of stages jumped over by this move.</param>
/// <param name="Unconfirmed">Exit criteria the rep did not confirm when the deal moved on (a warning the manager can see).</param>
public sealed record StageChange(
    string? FromStageId,
    string ToStageId,
    DateTimeOffset At,
    string By,
    IReadOnlyList<string>? Skipped = null,
    IReadOnlyList<string>? Unconfirmed = null)
{
    /// <summary>Criteria of <see cref="Unconfirmed"/> the rep ticked after the move ("confirm later"), with when.</summary>
    public IReadOnlyList<LateConfirmation>? ConfirmedLater { get; init; }

    // Records with list members compare lists by reference; history entries are compared by content in tests and stores.
    public bool Equals(StageChange? other) =>
        other is not null
        && FromStageId == other.FromStageId
        && ToStageId == other.ToStageId
        && At == other.At
        && By == other.By
        && (Skipped ?? []).SequenceEqual(other.Skipped ?? [])
        && (Unconfirmed ?? []).SequenceEqual(other.Unconfirmed ?? [])
        && (ConfirmedLater ?? []).SequenceEqual(other.ConfirmedLater ?? []);

    public override int GetHashCode() => HashCode.Combine(FromStageId, ToStageId, At, By);
}

/// <summary>An exit criterion confirmed after the deal had already moved on.</summary>
public sealed record LateConfirmation(string Criterion, DateTimeOffset At);

/// <summary>Something the rep did on a deal: a call, a meeting, an email, a demo, a proposal sent.</summary>
/// <param name="Kind">The kind, as the parser names it (<see cref="Understanding.ActivityKind"/>).</param>
public sealed record DealActivity(Understanding.ActivityKind Kind, DateOnly Date, string? Note, DateTimeOffset LoggedAt, string By);
