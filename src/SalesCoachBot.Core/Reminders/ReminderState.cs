namespace SalesCoachBot.Core.Reminders;

/// <summary>The rungs of the escalation ladder for one deal in one stage.</summary>
public enum Rung
{
    None = 0,
    FirstReminder = 1,
    SecondReminder = 2,
    ManagerNudge = 3,
}

/// <summary>
/// A deal's place on the reminder ladder. <see cref="DueAt"/> is the earliest instant the next rung may be due
/// (the sweep checks the exact rule, and the rep's working hours, before sending); it is what the store indexes,
/// so a sweep reads only due work.
/// </summary>
public sealed record ReminderState
{
    /// <summary>The highest rung already sent on the current clock (stage entry or last progress).</summary>
    public Rung Sent { get; init; } = Rung.None;

    public DateTimeOffset? LastSentAt { get; init; }

    /// <summary>When the clock last restarted (the last progress on the deal); the stage's allowed time counts from here.</summary>
    public DateTimeOffset? ClockStart { get; init; }

    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>When the next rung is due at the earliest; null when nothing is pending (closed deal, ladder done).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Set while an instance is sending this deal's reminder; expires so a crashed instance's work is taken over.</summary>
    public ReminderClaim? Claim { get; init; }

    /// <summary>
    /// The last reminder the rep asked for that went out: an undo never brings that one, or an older one (by
    /// <see cref="Deals.AskedReminder.SetAt"/>), back, and "remind me again" keeps its note. Sweep bookkeeping, so it
    /// survives an undo.
    /// </summary>
    public Deals.AskedReminder? LastAskedSent { get; init; }

    /// <summary>Set while the rep's chat refuses the bot (403): reminders wait until the rep comes back.</summary>
    public bool Parked { get; init; }

    /// <summary>The instant the store indexes: a claim's expiry while claimed (so it comes back if the claimer dies), else the due time.</summary>
    public DateTimeOffset? IndexedDueAt => Parked ? null : Claim?.Until ?? DueAt;
}

/// <param name="Instance">Which bot instance holds the claim (for logs).</param>
/// <param name="Until">When the claim expires and another instance may take the work over.</param>
/// <param name="Rung">The rung being sent; <see cref="Rung.None"/> when it is the reminder the rep asked for.</param>
public sealed record ReminderClaim(string Instance, DateTimeOffset Until, Rung Rung)
{
    /// <summary>The reminder the rep asked for, when that is what is being sent.</summary>
    public Deals.AskedReminder? Asked { get; init; }
}
