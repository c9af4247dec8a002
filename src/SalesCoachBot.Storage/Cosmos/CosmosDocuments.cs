using System.Text.Json.Serialization;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Storage.Cosmos;

// The shapes stored in Cosmos DB: a small envelope (id, partition key, the fields queries or indexes use)
// around the same domain JSON the embedded store keeps.

internal sealed record DealDocument
{
    public required string Id { get; init; }

    /// <summary>"tenant|owner": the rep's partition.</summary>
    public required string Pk { get; init; }

    public required string TenantId { get; init; }

    public required string OwnerId { get; init; }

    /// <summary>open / won / lost / deleted: the one property the deals container indexes.</summary>
    public required string Status { get; init; }

    public required Deal Deal { get; init; }

    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }
}

internal sealed record UserDocument
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required UserProfile Profile { get; init; }

    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }
}

internal enum ScheduleKind
{
    Deal,
    Digest,

    /// <summary>A rep's weekly summary: its own entry, so a manager's digest and weekly summary keep separate times.</summary>
    Summary,
}

/// <summary>
/// One entry of the schedule: "this deal's reminder (or this manager's digest) is due at". Entries may run early,
/// never late (see <see cref="CosmosSchedule"/>).
/// </summary>
internal sealed record ScheduleEntry
{
    public required string Id { get; init; }

    public required ScheduleKind Kind { get; init; }

    /// <summary>Unix milliseconds: a number, so the range index compares it directly.</summary>
    public required long DueAt { get; init; }

    /// <summary>When a writer last touched the entry (Unix milliseconds, the app's clock): the sweep waits for it to settle.</summary>
    public required long TouchedAt { get; init; }

    /// <summary>Where the document is: its partition key and id.</summary>
    public required string TargetPk { get; init; }

    public required string TargetId { get; init; }

    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }
}
