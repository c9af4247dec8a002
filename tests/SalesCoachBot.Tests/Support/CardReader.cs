using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Tests.Cards;

namespace SalesCoachBot.Tests.Support;

/// <summary>
/// Reads what a person would see in the bot's replies, and checks every card it reads with the card checks (the
/// renderer as Teams sets it up, and the official schema where present).
/// </summary>
public static class CardReader
{
    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static JObject SingleCard(IReadOnlyList<Activity> replies)
    {
        var reply = Assert.Single(replies);
        var attachment = Assert.Single(reply.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = CardOf(attachment);
        AssertValid(card);
        Assert.False(string.IsNullOrWhiteSpace(reply.Summary), "a card reply carries a plain-text summary");
        return card;
    }

    /// <summary>Asserts that a reply's text says each of <paramref name="expected"/>, word for word.</summary>
    public static void AssertSays(string text, params string[] expected) =>
        Assert.All(expected, e => Assert.Contains(e, text, StringComparison.Ordinal));

    public static void AssertValid(JObject card) => CardChecks.AssertShowsInTeams(card.ToString(Newtonsoft.Json.Formatting.None));

    /// <summary>The Adaptive Cards attached to an activity, as JSON text.</summary>
    public static IEnumerable<string> CardsIn(Activity activity) =>
        (activity.Attachments ?? [])
            .Where(a => a.ContentType == AdaptiveCardContentType && a.Content is not null)
            .Select(a => JsonOf(a.Content));

    /// <summary>
    /// An attachment's card. The bot attaches its card JSON as it is (a JRaw) and the SDK writes it out unchanged; an
    /// activity read back from the wire holds a JObject: either reads the same.
    /// </summary>
    public static JObject CardOf(Attachment attachment) => Card(attachment.Content);

    /// <summary>A card the bot put in an attachment or an invoke response (JRaw in memory, JObject off the wire).</summary>
    public static JObject Card(object content) => JObject.Parse(JsonOf(content));

    private static string JsonOf(object content) => JToken.FromObject(content).ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>The card of an invoke response that carries one (an adaptiveCard/action answered with the updated card), else null.</summary>
    public static string? CardIn(JObject? invokeResponseBody) =>
        invokeResponseBody?["type"]?.ToString() == AdaptiveCardContentType && invokeResponseBody["value"] is JObject card
            ? card.ToString(Newtonsoft.Json.Formatting.None)
            : null;

    /// <summary>All text on the card, facts as "title: value", one per line.</summary>
    public static string Text(JObject card) =>
        string.Join("\n", card.Descendants().OfType<JObject>().Select(o =>
            o["type"]?.ToString() == "TextBlock" ? o["text"]?.ToString()
            : o["title"] is not null && o["value"] is JValue && o["type"] is null ? $"{o["title"]}: {o["value"]}"
            : null).Where(t => t is not null));

    /// <summary>The Action.Execute buttons (and select actions) on a card: their title, verb and data.</summary>
    public static IReadOnlyList<(string? Title, string Verb, JObject Data)> Actions(JObject card) =>
        card.Descendants().OfType<JObject>()
            .Where(o => o["type"]?.ToString() == "Action.Execute")
            .Select(o => (o["title"]?.ToString(), o["verb"]!.ToString(), (JObject)o["data"]!))
            .ToList();
}
