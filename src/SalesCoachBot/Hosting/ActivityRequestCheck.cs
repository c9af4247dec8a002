using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SalesCoachBot.Hosting;

/// <summary>
/// Checks that a request to /api/messages is an activity the adapter can route before the adapter sees it:
/// the SDK answers a missing service URL or conversation with an exception (a 500); the sender deserves a 400 that says why.
/// </summary>
internal static class ActivityRequestCheck
{
    /// <summary>Returns null when the body is a routable activity, else what is wrong with it.</summary>
    public static string? Problem(string body)
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

        string? Text(string path) => activity.SelectToken(path) is JValue { Type: JTokenType.String } value ? (string?)value : null;

        if (string.IsNullOrWhiteSpace(Text("type")))
        {
            return "the activity has no 'type'";
        }

        if (string.IsNullOrWhiteSpace(Text("channelId")))
        {
            return "the activity has no 'channelId'";
        }

        if (!Uri.TryCreate(Text("serviceUrl"), UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
        {
            return "the activity has no absolute http(s) 'serviceUrl'";
        }

        if (string.IsNullOrWhiteSpace(Text("conversation.id")))
        {
            return "the activity has no 'conversation.id'";
        }

        return string.IsNullOrWhiteSpace(Text("from.id")) ? "the activity has no 'from.id'" : null;
    }
}
