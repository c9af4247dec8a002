using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Cards.Model;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Bot;

/// <summary>Turns our <see cref="BotReply"/> into a Bot Framework message.</summary>
public static class ReplyActivity
{
    /// <summary>A card action answered with a plain message instead of a refreshed card.</summary>
    public static AdaptiveCardInvokeResponse InvokeMessage(string text) => new()
    {
        StatusCode = 200,
        Type = "application/vnd.microsoft.activity.message",
        Value = JValue.CreateString(text),
    };

    /// <summary>
    /// The HTTP answer to an invoke that middleware ends before the handler; Teams shows an error for an invoke
    /// answered without a body.
    /// </summary>
    public static Activity InvokeMessageResponse(string text) =>
        new(ActivityTypesEx.InvokeResponse) { Value = new InvokeResponse { Status = 200, Body = InvokeMessage(text) } };

    public static IMessageActivity ToActivity(this BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Cards.Count == 0)
        {
            return MessageFactory.Text(reply.Text);
        }

        var activity = MessageFactory.Attachment(reply.Cards.Select(c => ToAttachment(c, reply.Text)).ToList());

        // The summary is what clients without card support, and notifications, show.
        activity.Summary = reply.Text;
        return activity;
    }

    /// <summary>
    /// The card as an attachment whose content is our JSON as it is (<see cref="JRaw"/>): the SDK's serializer writes it
    /// into the reply unchanged, instead of us parsing it into a JObject tree for the SDK to walk and write out again.
    /// </summary>
    public static Attachment ToAttachment(AdaptiveCard card, string fallbackText)
    {
        ArgumentNullException.ThrowIfNull(card);
        var withFallback = card.FallbackText is null ? card with { FallbackText = fallbackText } : card;
        return new Attachment
        {
            ContentType = AdaptiveCard.ContentType,
            Content = new JRaw(CardJson.Serialize(withFallback)),
        };
    }
}
