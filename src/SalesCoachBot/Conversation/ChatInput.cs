using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Conversation;

/// <summary>
/// One turn as the commands see it: who, what they typed or clicked, and their time zone.
/// Built from the Bot Framework activity at the edge; nothing below this line sees a Bot Framework type.
/// </summary>
public sealed record ChatInput(
    OwnerKey User,
    string UserName,
    string? ActivityId,
    string Text,
    CardActionData? Action,
    TimeZoneInfo TimeZone)
{
    /// <summary>True in a channel or group chat, where others see the reply (a download link must not go there).</summary>
    public bool InSharedConversation { get; init; }

    /// <summary>
    /// The user's profile as this turn read it (with its ETag), when the edge has it: the turn reads the profile once and
    /// passes it down, instead of each step reading it again (what "it" means, where to write "it").
    /// </summary>
    public UserProfile? Profile { get; init; }
}
