using SalesCoachBot.Core.Deals;

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
}
