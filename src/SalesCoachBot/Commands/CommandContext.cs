using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Commands;

/// <summary>Everything a handler needs about the turn, with "now" and "today" fixed once so one turn sees one time.</summary>
/// <param name="TurnActivityId">The activity being answered; buttons on the cards of the answer derive their click keys from it.</param>
public sealed record CommandContext(
    OwnerKey Owner,
    Actor Actor,
    DateTimeOffset Now,
    DateOnly Today,
    TimeZoneInfo TimeZone,
    SalesProcess Process,
    string? TurnActivityId)
{
    public static CommandContext For(ChatInput input, string? activityKey, TimeProvider time, SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, input.TimeZone);
        return new CommandContext(
            input.User,
            new Actor(input.UserName, activityKey),
            now,
            DateOnly.FromDateTime(local.DateTime),
            input.TimeZone,
            process,
            input.ActivityId);
    }
}
