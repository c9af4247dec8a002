using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Tests.Support;

namespace SalesCoachBot.Tests.Conversation;

/// <summary>
/// The SDK's <see cref="TestAdapter"/> in a user's 1:1 Teams chat. The SDK's adapter gives every activity it is handed a
/// new id; Teams redelivers an activity it thinks timed out with the id it had. So handed the same activity again, this
/// adapter gives it back its first id, and a redelivery reaches the bot as it would from Teams.
/// </summary>
public sealed class TeamsTestAdapter(TestUser user) : TestAdapter(PersonalChatWith(user))
{
    private readonly ConditionalWeakTable<Activity, string> _firstIds = new();

    protected override TurnContext CreateTurnContext(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = _firstIds.GetValue(activity, delivered => delivered.Id);
        return base.CreateTurnContext(activity);
    }

    /// <summary>A click on an Action.Execute button: the adaptiveCard/action invoke Teams sends.</summary>
    public static Activity Click(string verb, JObject data) => new()
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        Value = new JObject
        {
            ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        },
    };

    private static ConversationReference PersonalChatWith(TestUser user) => new()
    {
        ChannelId = Channels.Msteams,
        ServiceUrl = "https://smba.example.test/teams/",
        User = new ChannelAccount(user.Id, user.Name) { AadObjectId = user.Id },
        Bot = new ChannelAccount("28:sales-coach", "Sales Coach"),
        Conversation = new ConversationAccount(id: user.ConversationId) { ConversationType = "personal", TenantId = user.TenantId },
    };
}
