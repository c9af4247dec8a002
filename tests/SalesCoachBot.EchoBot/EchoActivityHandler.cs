using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace SalesCoachBot.EchoBot;

/// <summary>
/// Echoes the text back with a small Adaptive Card, in one message (as Sales Coach answers: one message per turn, so
/// that both pay for the same number of connector calls).
/// </summary>
public sealed class EchoActivityHandler : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? string.Empty;
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JArray(
                new JObject { ["type"] = "TextBlock", ["text"] = "Echo", ["weight"] = "Bolder" },
                new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
        };
        var reply = MessageFactory.Attachment(new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = card }, $"Echo: {text}");
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }
}
