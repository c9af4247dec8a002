using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Core.Users;

/// <summary>What the bot remembers about a Teams user: how to reach them, and their time zone.</summary>
public sealed record UserProfile : IVersioned
{
    public required string TenantId { get; init; }

    public required string UserId { get; init; }

    public string? Name { get; init; }

    /// <summary>IANA or Windows time zone id; null means UTC.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The channel's conversation reference, serialized by the host; opaque to the domain.</summary>
    public string? ConversationReference { get; init; }

    /// <summary>When reminders may reach this user, as <see cref="Reminders.WorkingHours.Describe"/> writes it; null means the default.</summary>
    public string? WorkingHours { get; init; }

    /// <summary>The user id of this user's manager (from "my manager is …" or the admin's mapping file).</summary>
    public string? ManagerUserId { get; init; }

    /// <summary>The user's email or UPN, when Teams told us; used to match "my manager is dana@contoso.com" and the mapping file.</summary>
    public string? Email { get; init; }

    /// <summary>The rep's quota for each calendar quarter ("my quota is 300k", or their manager's "Dana's quota is 300k"); forecasts of a quarter compare with it.</summary>
    public Understanding.Money? QuarterlyQuota { get; init; }

    /// <summary>
    /// The user id of who set <see cref="QuarterlyQuota"/>: the rep, or their manager (only whose quota the manager set
    /// stays theirs to change: <see cref="QuotaRules"/>). Null for a quota saved before it was recorded: the rep's own.
    /// </summary>
    public string? QuotaSetBy { get; init; }

    /// <summary>
    /// The weekly activity targets this manager set for each rep of their team ("team target: 20 calls a week per rep");
    /// they override the admin's targets file for that team, one measure at a time. Empty for everyone else.
    /// </summary>
    public IReadOnlyList<Insights.ActivityTarget> TeamTargets { get; init; } = [];

    /// <summary>When this manager's next digest of stalled deals is due; null for someone who manages nobody.</summary>
    public DateTimeOffset? NextDigestAt { get; init; }

    /// <summary>Whether this rep gets a short personal scorecard each week ("no weekly summary" turns it off).</summary>
    public bool WeeklySummary { get; init; } = true;

    /// <summary>
    /// Whether the rep said "weekly summary on" themself: they then get it even where the admin turned digests off
    /// (<c>SalesCoach:Reminders:DigestEnabled</c>), which otherwise turns the weekly summary off too.
    /// </summary>
    public bool WeeklySummaryAskedFor { get; init; }

    /// <summary>When this rep's next weekly summary is due; set on arrival, null while they have not been seen or turned it off.</summary>
    public DateTimeOffset? NextSummaryAt { get; init; }

    /// <summary>False once Teams said the bot may no longer post in that conversation (403).</summary>
    public bool ConversationActive { get; init; } = true;

    /// <summary>The deal the user last dealt with in chat, and when: what "it" and "that deal" mean.</summary>
    public string? LastDealId { get; init; }

    public DateTimeOffset? LastDealAt { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string? ETag { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public OwnerKey Key => new(TenantId, UserId);

    [System.Text.Json.Serialization.JsonIgnore]
    public Reminders.WorkingHours Hours => (WorkingHours is null ? null : Reminders.WorkingHours.TryParse(WorkingHours)) ?? Reminders.WorkingHours.Default;

    [System.Text.Json.Serialization.JsonIgnore]
    public TimeZoneInfo Zone => TimeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}

public interface IUserProfileStore
{
    Task<UserProfile?> GetAsync(OwnerKey user, CancellationToken cancellationToken);

    /// <summary>Saves with optimistic concurrency, like deals: null <paramref name="expectedETag"/> inserts.</summary>
    Task<bool> SaveAsync(UserProfile profile, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Every known user of one tenant (to find a manager by name or email, or a manager's team).</summary>
    Task<IReadOnlyList<UserProfile>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Managers of every tenant whose digest is due, read by an index on the due instant.</summary>
    Task<IReadOnlyList<UserProfile>> ListDigestsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Users of every tenant whose weekly summary is due, read by an index on the due instant.</summary>
    Task<IReadOnlyList<UserProfile>> ListSummariesDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}

/// <summary>Whether the store answers, for /healthz.</summary>
public interface IStoreHealth
{
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}
