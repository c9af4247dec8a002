using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Tests.Support;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>
/// Issue 15: a corpus of hostile requests, posted over HTTP to the real host. Most are built, not written: every field
/// the bot or the SDK reads, in a valid message and a valid card click, is removed once and replaced once by each
/// hostile value of <see cref="HostileValues"/>; the rest are whole bodies no mutation reaches (<see cref="RawBodies"/>).
/// Every answer must be 2xx or 4xx (the SDK's 501 for an invoke the app does not declare is allowed), nothing may be
/// logged as a failed turn, and no "something went wrong" may reach the chat.
/// </summary>
public sealed class FuzzCorpusTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>What a hostile or broken client puts where a field belongs, each with a name for the failure report.</summary>
    private static readonly (string Name, Func<JToken> Value)[] HostileValues =
    [
        ("null", JValue.CreateNull),
        ("empty string", () => ""),
        ("blank string", () => "  \t "),
        ("number", () => 5),
        ("huge number", () => JToken.Parse("99999999999999999999999999")),
        ("negative float", () => -1.5e308),
        ("boolean", () => true),
        ("empty array", () => new JArray()),
        ("array of numbers", () => new JArray(1, 2, 3)),
        ("empty object", () => new JObject()),
        ("unicode digits", () => "\u0663\u0664\u0665 \U0001D7D7 days"),
        ("newline forgery", () => "x\r\nFORGED warn: admin logged in\u2028"),
        ("markup", () => "<at>Sales Coach</at><script>alert(1)</script>&amp;&lt;b&gt;"),
        ("control characters", () => "\u0000\u0007\u001b[31m"),
        ("long text", () => new string('\u0663', 20_000)),
        ("type-name payload", () => JObject.Parse("""{"$type":"System.IO.FileInfo, System.IO.FileSystem","fileName":"/etc/passwd"}""")),
    ];

    /// <summary>The fields of a message that are mutated.</summary>
    private static readonly string[] MessagePaths =
    [
        "type", "id", "channelId", "serviceUrl", "timestamp", "localTimestamp", "localTimezone", "locale", "text", "textFormat",
        "from", "from.id", "from.name", "from.aadObjectId", "recipient", "recipient.id", "recipient.name",
        "conversation", "conversation.id", "conversation.tenantId", "conversation.conversationType", "conversation.isGroup",
        "channelData", "channelData.tenant", "channelData.tenant.id", "entities", "attachments", "value", "replyToId",
    ];

    /// <summary>The fields of a card click (an adaptiveCard/action invoke) that are mutated.</summary>
    private static readonly string[] InvokePaths =
    [
        "name", "value", "value.action", "value.action.type", "value.action.verb", "value.action.data", "value.action.data.dealId",
        "value.action.data.stageId", "value.trigger",
    ];

    /// <summary>Whole bodies and activities no single mutation produces: broken JSON, deep or huge payloads, strangers' activity types and invokes.</summary>
    private static IEnumerable<(string Name, string Body)> RawBodies(BotApp app)
    {
        string Activity(Action<JObject> change)
        {
            var activity = Valid(app.Message(Dana, "my deals"));
            change(activity);
            return activity.ToString(Formatting.None);
        }

        yield return ("empty body", "");
        yield return ("whitespace", "   ");
        yield return ("truncated JSON", "{\"type\":\"message\",\"text\":\"hi");
        yield return ("trailing garbage", Activity(_ => { }) + "}}}");
        yield return ("JSON null", "null");
        yield return ("JSON number", "42");
        yield return ("JSON array of activities", "[" + Activity(_ => { }) + "]");
        yield return ("single quotes", "{'type':'message'}");
        yield return ("comments", "/* hi */" + Activity(_ => { }));
        yield return ("BOM", "\uFEFF" + Activity(_ => { }));
        yield return ("lone surrogate", Activity(a => a["text"] = "\uD800 my deals"));
        yield return ("NaN", "{\"type\":\"message\",\"text\":NaN}");
        yield return ("deep nesting in text", Activity(a => a["text"] = new string('[', 10_000)));
        yield return ("deep nesting in value", Activity(a => a["value"] = JToken.Parse(new string('[', 60) + new string(']', 60))));
        yield return ("nesting past the parser's depth", "{\"value\":" + new string('[', 5_000) + new string(']', 5_000) + "}");
        yield return ("a thousand entities", Activity(a => a["entities"] = new JArray(Enumerable.Range(0, 1000).Select(i => new JObject { ["type"] = "mention", ["text"] = $"<at>{i}</at>", ["mentioned"] = new JObject { ["id"] = $"29:{i}" } }))));
        yield return ("duplicate keys", Activity(_ => { }).Replace("\"text\":\"my deals\"", "\"text\":\"my deals\",\"text\":\"new deal Evil 1k\"", StringComparison.Ordinal));
        yield return ("text near the size limit", Activity(a => a["text"] = new string('a', 250_000)));
        yield return ("text past the size limit", Activity(a => a["text"] = new string('a', 300_000)));
        foreach (var type in new[] { "typing", "event", "messageReaction", "messageUpdate", "messageDelete", "installationUpdate", "endOfConversation", "handoff", "trace", "suggestion", "command", "x-unknown", "MESSAGE" })
        {
            yield return ($"activity type {type}", Activity(a => a["type"] = type));
        }

        foreach (var name in new[] { "composeExtension/query", "task/fetch", "task/submit", "signin/verifyState", "fileConsent/invoke", "actionableMessage/executeAction", "config/fetch", "adaptiveCard/action", "unknown/name", "" })
        {
            yield return ($"invoke {name}", Activity(a => { a["type"] = "invoke"; a["name"] = name; a["value"] = new JObject { ["x"] = 1 }; }));
        }

        foreach (var text in new[] { "new deal \u0663\u0664 45k", "new deal Contoso \uFF14\uFF15k", "move \u202Econtoso\u202C to proposal", "new deal <at>x</at> 1e308k", "next step for contoso: call by 9999-99-99", "push contoso out 99999999999999999 weeks", "new deal " + new string('x', 5_000) + " 10k", "contoso: 999999999999999999999999999999k" })
        {
            yield return ($"text: {text[..Math.Min(30, text.Length)]}", Activity(a => a["text"] = text));
        }
    }

    private static JObject Valid(Microsoft.Bot.Schema.Activity activity) =>
        JObject.FromObject(activity, JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));

    /// <summary>The template with one field removed or set; a path whose parent is missing or not an object is created or skipped.</summary>
    private static string Mutated(JObject template, string path, JToken? value)
    {
        var activity = (JObject)template.DeepClone();
        var dot = path.LastIndexOf('.');
        if ((dot < 0 ? activity : activity.SelectToken(path[..dot])) is not JObject parent)
        {
            return activity.ToString(Formatting.None);
        }

        var field = path[(dot + 1)..];
        if (value is null)
        {
            parent.Remove(field);
        }
        else
        {
            parent[field] = value;
        }

        return activity.ToString(Formatting.None);
    }

    private IEnumerable<(string Name, string Body)> Corpus()
    {
        var message = Valid(_app.Message(Dana, "my deals"));
        var click = Valid(_app.Message(Dana, string.Empty));
        click["type"] = "invoke";
        click["name"] = "adaptiveCard/action";
        click.Remove("text");
        click["value"] = JObject.Parse("""{"action":{"type":"Action.Execute","verb":"moveDeal","data":{"dealId":"d-1","stageId":"proposal"}},"trigger":"manual"}""");

        foreach (var (template, kind, paths) in new[] { (message, "message", MessagePaths), (click, "click", InvokePaths) })
        {
            foreach (var path in paths)
            {
                // Each mutated copy gets an id of its own, so none is dropped as a Teams retry of another.
                template["id"] = _app.NextActivityId();
                yield return ($"{kind} without {path}", Mutated(template, path, null));
                foreach (var (name, value) in HostileValues)
                {
                    template["id"] = _app.NextActivityId();
                    yield return ($"{kind} with {path} = {name}", Mutated(template, path, value()));
                }
            }
        }

        foreach (var raw in RawBodies(_app))
        {
            yield return raw;
        }
    }

    [Fact]
    public async Task Every_hostile_request_gets_a_2xx_or_4xx_and_no_apology_in_the_chat()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        var failures = new List<string>();
        var count = 0;
        foreach (var (name, body) in Corpus())
        {
            count++;
            using var response = await _app.PostRawAsync(body);
            var status = (int)response.StatusCode;
            var isInvoke = body.Contains("\"type\":\"invoke\"", StringComparison.Ordinal);
            if (status is < 200 or >= 500 && !(status == 501 && isInvoke))
            {
                failures.Add($"{name}: {status}");
            }
        }

        var apologies = _app.Connector.Sent.Count(a => a.Text?.Contains("something went wrong", StringComparison.OrdinalIgnoreCase) == true);
        var failedTurns = _app.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message).ToList();

        Assert.True(count >= 300, $"The corpus has {count} requests; the issue asks for at least 300.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} requests were answered 5xx:\n{string.Join("\n", failures)}");
        Assert.True(apologies == 0 && failedTurns.Count == 0, $"{apologies} 'something went wrong' replies; errors logged:\n{string.Join("\n", failedTurns.Take(20))}");

        // And the bot still serves, with the rep's deal intact.
        Assert.Contains("Contoso Ltd", CardReader.Text(CardReader.SingleCard(await _app.SayAsync(Dana, "my deals"))), StringComparison.Ordinal);
    }
}
