using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Core.Users;

/// <summary>What the bot remembers about a Teams user: how to reach them, and their time zone.</summary>
public sealed record UserProfile
{
    public required string TenantId { get; init; }

    public required string UserId { get; init; }

    public string? Name { get; init; }

    /// <summary>IANA or Windows time zone id; null means UTC.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The channel's conversation reference, serialized by the host; opaque to the domain.</summary>
    public string? ConversationReference { get; init; }

    /// <summary>False once Teams said the bot may no longer post in that conversation (403).</summary>
    public bool ConversationActive { get; init; } = true;

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string? ETag { get; init; }

    public OwnerKey Key => new(TenantId, UserId);
}

public interface IUserProfileStore
{
    Task<UserProfile?> GetAsync(OwnerKey user, CancellationToken cancellationToken);

    /// <summary>Saves with optimistic concurrency, like deals: null <paramref name="expectedETag"/> inserts.</summary>
    Task<bool> SaveAsync(UserProfile profile, string? expectedETag, CancellationToken cancellationToken);
}

/// <summary>Remembers which Teams activities have been answered, so a retry of one is not answered twice.</summary>
public interface IProcessedActivityStore
{
    Task<bool> IsProcessedAsync(string tenantId, string activityId, CancellationToken cancellationToken);

    Task MarkProcessedAsync(string tenantId, string activityId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Whether the store answers, for /healthz.</summary>
public interface IStoreHealth
{
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}
