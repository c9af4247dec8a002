using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SalesCoachBot.Hosting;

/// <summary>
/// Checks that a request to /api/messages is an activity the adapter can route before the adapter sees it. The SDK
/// answers a missing service URL or conversation with an exception (a 500), and reads fields of the wrong JSON type
/// (channel data that is a string, a recipient that is null, a mention whose "mentioned" is a number) deep inside the
/// turn; the sender deserves a 400 that says why, and the bot a turn that never starts on such input.
/// </summary>
internal static class ActivityRequestCheck
{
    /// <summary>Ids are opaque but short in every channel; anything longer is not an activity from one.</summary>
    private const int MaxIdLength = 512;

    /// <summary>The fields the bot or the SDK reads, each with the JSON type it must have when present.</summary>
    private static readonly (string Path, JTokenType Type, bool Required)[] Shape =
    [
        ("type", JTokenType.String, true),
        ("channelId", JTokenType.String, true),
        ("serviceUrl", JTokenType.String, true),
        ("conversation", JTokenType.Object, true),
        ("conversation.id", JTokenType.String, true),
        ("from", JTokenType.Object, true),
        ("from.id", JTokenType.String, true),
        ("recipient", JTokenType.Object, true),
        ("recipient.id", JTokenType.String, true),
        ("id", JTokenType.String, false),
        ("name", JTokenType.String, false),
        ("text", JTokenType.String, false),
        ("locale", JTokenType.String, false),
        ("localTimezone", JTokenType.String, false),
        ("replyToId", JTokenType.String, false),
        ("from.name", JTokenType.String, false),
        ("from.aadObjectId", JTokenType.String, false),
        ("recipient.name", JTokenType.String, false),
        ("conversation.tenantId", JTokenType.String, false),
        ("conversation.conversationType", JTokenType.String, false),
        ("channelData", JTokenType.Object, false),
        ("channelData.tenant", JTokenType.Object, false),
        ("channelData.tenant.id", JTokenType.String, false),
        ("channelData.team", JTokenType.Object, false),
        ("channelData.channel", JTokenType.Object, false),
        ("entities", JTokenType.Array, false),
        ("attachments", JTokenType.Array, false),
        ("membersAdded", JTokenType.Array, false),
        ("membersRemoved", JTokenType.Array, false),
    ];

    /// <summary>Ids that become storage keys or log fields: no control characters, bounded length.</summary>
    private static readonly string[] Ids =
        ["id", "from.id", "from.aadObjectId", "recipient.id", "conversation.id", "conversation.tenantId", "channelData.tenant.id", "replyToId", "type", "channelId", "name"];

    /// <summary>
    /// Returns null when the body is a routable activity, else what is wrong with it. In anonymous mode nothing vouches
    /// for the service URL (no token names it), so only a loopback one is trusted: the bot never calls an address a
    /// stranger wrote into an activity.
    /// </summary>
    public static string? Problem(string body, bool anonymous)
    {
        JToken token;
        try
        {
            token = JToken.Parse(body);
        }
        catch (JsonException ex)
        {
            return $"the body is not valid JSON ({ex.Message.Split('.')[0]})";
        }

        if (token is not JObject activity)
        {
            return "the body must be a JSON object (a Bot Framework activity)";
        }

        foreach (var (path, type, required) in Shape)
        {
            var value = activity.SelectToken(path);
            if (value is null || value.Type == JTokenType.Null)
            {
                if (required)
                {
                    return $"the activity has no '{path}'";
                }

                continue;
            }

            if (value.Type != type)
            {
                return $"'{path}' must be a JSON {type.ToString().ToLowerInvariant()}";
            }

            if (required && type == JTokenType.String && string.IsNullOrWhiteSpace((string?)value))
            {
                return $"the activity has no '{path}'";
            }
        }

        foreach (var path in Ids)
        {
            if (activity.SelectToken(path) is JValue { Type: JTokenType.String, Value: string id }
                && (id.Length > MaxIdLength || id.Any(char.IsControl)))
            {
                return $"'{path}' is not a valid id (too long or with control characters)";
            }
        }

        var listProblem = ListProblem(activity, "entities", EntityProblem)
            ?? ListProblem(activity, "membersAdded", MemberProblem)
            ?? ListProblem(activity, "membersRemoved", MemberProblem)
            ?? ListProblem(activity, "attachments", AttachmentProblem);
        if (listProblem is not null)
        {
            return listProblem;
        }

        var serviceUrlText = (string?)activity["serviceUrl"];
        if (!Uri.TryCreate(serviceUrlText, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
        {
            return "the activity has no absolute http(s) 'serviceUrl'";
        }

        if (anonymous && !IsLoopback(serviceUrl))
        {
            return "without Bot Framework authentication (anonymous local mode) only a loopback 'serviceUrl' is accepted";
        }

        return null;
    }

    private static string? ListProblem(JObject activity, string field, Func<JObject, string?> itemProblem)
    {
        if (activity[field] is not JArray items)
        {
            return null;
        }

        foreach (var item in items)
        {
            if (item is not JObject itemObject)
            {
                return $"every item of '{field}' must be a JSON object";
            }

            if (itemProblem(itemObject) is { } problem)
            {
                return $"an item of '{field}': {problem}";
            }
        }

        return null;
    }

    private static string? EntityProblem(JObject entity) =>
        entity["type"] is { Type: not (JTokenType.String or JTokenType.Null) } ? "'type' must be a string"
        : entity["mentioned"] is { Type: not (JTokenType.Object or JTokenType.Null) } ? "'mentioned' must be an object"
        : entity["mentioned"] is JObject mentioned && mentioned["id"] is { Type: not (JTokenType.String or JTokenType.Null) } ? "'mentioned.id' must be a string"
        : entity["text"] is { Type: not (JTokenType.String or JTokenType.Null) } ? "'text' must be a string"
        : null;

    private static string? MemberProblem(JObject member) =>
        member["id"] is not { Type: JTokenType.String } ? "'id' must be a string"
        : member["name"] is { Type: not (JTokenType.String or JTokenType.Null) } ? "'name' must be a string"
        : null;

    private static string? AttachmentProblem(JObject attachment) =>
        attachment["contentType"] is { Type: not (JTokenType.String or JTokenType.Null) } ? "'contentType' must be a string" : null;

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
