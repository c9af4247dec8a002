using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Core.Reminders;

/// <summary>Bound from <c>SalesCoach:Reminders</c>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "SalesCoach:Reminders";

    /// <summary>Turns the background sweep off (the commands still work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due work is looked for. Seconds work, for demos and tests.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "SalesCoach:Reminders:SweepInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a claim holds before another instance may take the work over (an instance that died mid-send).
    /// It must outlast a slow send with its retries (up to 3 waits of at most 30 s, plus the HTTP calls).
    /// </summary>
    [Range(typeof(TimeSpan), "00:03:00", "01:00:00", ErrorMessage = "SalesCoach:Reminders:ClaimTimeout must be between 00:03:00 and 01:00:00 (longer than a send with its retries).")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When Teams could not be reached, how long until the reminder is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "SalesCoach:Reminders:RetryDelay must be between 00:00:01 and 01:00:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First wait before retrying a 429/5xx from Teams (doubling each time) when Teams sends no Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "SalesCoach:Reminders:ConnectorRetryBackoff must be between 00:00:00 and 00:01:00.")]
    public TimeSpan ConnectorRetryBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sends each manager a digest of their team's stalled deals on a schedule.</summary>
    public bool DigestEnabled { get; set; } = true;

    /// <summary>The digest's day (for a weekly digest), in the manager's time zone.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The digest's time of day, in the manager's time zone.</summary>
    public TimeOnly DigestTime { get; set; } = new(9, 0);

    /// <summary>True: every working day at <see cref="DigestTime"/>; false: weekly on <see cref="DigestDay"/>.</summary>
    public bool DigestDaily { get; set; }

    /// <summary>At most this many due deals are read per sweep; the rest wait for the next sweep.</summary>
    [Range(1, 10_000, ErrorMessage = "SalesCoach:Reminders:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 200;
}
