using System.Net;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>Issue 15, findings 3, 4, 9 and 10: what reaches /api/messages that is not a sane, signed activity.</summary>
public sealed class RequestEdgeTests : IAsyncLifetime
{
    private const string AppId = "5a1e5c0a-0000-4000-8000-00000000b07a";
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task AssertStillServesAsync(BotApp app) =>
        Assert.Contains("Created Contoso Ltd", Text(SingleCard(await app.SayAsync(Dana, "new deal Contoso Ltd 45k"))), StringComparison.Ordinal);

    private static void AssertNoApology(BotApp app) =>
        Assert.DoesNotContain(app.Connector.Sent, a => a.Text?.Contains("something went wrong", StringComparison.OrdinalIgnoreCase) == true);

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/json")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_body_that_is_not_json_is_refused_with_415_and_changes_nothing(string contentType)
    {
        var message = _app.Message(Dana, "new deal Fabrikam 10k");

        var response = await _app.PostRawAsync(JsonConvert.SerializeObject(message), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(_app.Connector.Sent);
        Assert.Contains("no open deals", Text(SingleCard(await _app.SayAsync(Dana, "my deals"))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task A_json_body_is_accepted_with_or_without_its_charset(string contentType)
    {
        var message = _app.Message(Dana, "new deal Contoso Ltd 45k");

        var response = await _app.PostRawAsync(JsonConvert.SerializeObject(message), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Created Contoso Ltd", Text(SingleCard(_app.Connector.RepliesTo(message.Id))), StringComparison.Ordinal);
    }

    /// <summary>Well-formed JSON that is not a sane activity: each field set to what the attack run sent.</summary>
    public static TheoryData<string, string?> InsaneActivities() => new()
    {
        { "recipient", null },
        { "recipient", "remove" },
        { "recipient", "\"28:sales-coach\"" },
        { "channelData", "\"a string\"" },
        { "channelData", "5" },
        { "channelData", "[1,2]" },
        { "channelData.tenant", "5" },
        { "channelData.tenant", "[]" },
        { "channelData.tenant.id", "5" },
        { "entities", "[{\"type\":\"mention\",\"mentioned\":5,\"text\":\"<at>x</at>\"}]" },
        { "entities", "[5]" },
        { "entities", "{\"type\":\"mention\"}" },
        { "from", "\"dana\"" },
        { "conversation.tenantId", "[\"tenant-contoso\"]" },
        { "membersAdded", "[{\"name\":\"no id\"}]" },
        { "attachments", "\"card\"" },
    };

    [Theory]
    [MemberData(nameof(InsaneActivities))]
    public async Task An_activity_with_a_field_of_the_wrong_shape_gets_a_4xx_and_the_bot_keeps_serving(string path, string? json)
    {
        var activity = JObject.FromObject(_app.Message(Dana, "my deals"), JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));
        var token = activity.SelectToken(path);
        if (json == "remove")
        {
            token?.Parent?.Remove();
        }
        else
        {
            var value = json is null ? JValue.CreateNull() : JToken.Parse(json);
            if (token is null)
            {
                var dot = path.LastIndexOf('.');
                var parent = dot < 0 ? activity : (JObject)activity.SelectToken(path[..dot])!;
                parent[path[(dot + 1)..]] = value;
            }
            else
            {
                token.Replace(value);
            }
        }

        var response = await _app.PostRawAsync(activity.ToString(Formatting.None));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNoApology(_app);
        await AssertStillServesAsync(_app);
    }

    [Theory]
    [InlineData("https://attacker.example.test/")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://localhost.attacker.test/")]
    public async Task An_anonymous_bot_never_calls_a_service_url_that_is_not_loopback(string serviceUrl)
    {
        var message = _app.Message(Dana, "new deal Contoso Ltd 45k");
        message.ServiceUrl = serviceUrl;

        var response = await _app.PostRawAsync(JsonConvert.SerializeObject(message));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_app.Connector.Sent);
        Assert.Empty(_app.Connector.Requests);
    }

    [Theory]
    [InlineData("http://localhost:56150/")]
    [InlineData("http://[::1]:56150/")]
    public async Task An_anonymous_bot_answers_at_a_loopback_service_url(string serviceUrl)
    {
        var message = _app.Message(Dana, "new deal Contoso Ltd 45k");
        message.ServiceUrl = serviceUrl;

        var (status, _) = await _app.PostAsync(message);

        Assert.Equal(200, status);
        Assert.Contains("Created Contoso Ltd", Text(SingleCard(_app.Connector.RepliesTo(message.Id))), StringComparison.Ordinal);
    }

    private static BotApp Secured(IDictionary<string, string?>? extra = null, string environment = "Development")
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "stand-in-secret",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new BotApp(settings: settings) { EnvironmentName = environment, Authorization = a => "Bearer " + ChannelTokens.Create(AppId, a.ServiceUrl) };
    }

    [Theory]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer ....")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    [InlineData("Bearer \u00e9\u00e9\u00e9")]
    [InlineData("Basic ZGFuYTpzZWNyZXQ=")]
    [InlineData("garbage")]
    public async Task A_malformed_token_gets_401_in_every_environment_without_the_header_echoed(string header)
    {
        foreach (var environment in new[] { "Development", "Production" })
        {
            await using var app = Secured(environment: environment);

            var response = await app.PostRawAsync(JsonConvert.SerializeObject(app.Message(Dana, "new deal Contoso Ltd 45k")), authorization: null, rawAuthorization: header);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(header, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Authorization", body, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(app.Connector.Sent);
        }
    }

    [Fact]
    public async Task Any_token_gets_401_while_the_openid_metadata_cannot_be_fetched_and_the_bot_answers_again_once_it_can()
    {
        // Port 9 (discard) on loopback: nothing listens, so the SDK's metadata fetch fails at once, as with no network.
        await using var app = Secured(new Dictionary<string, string?> { ["ToBotFromChannelOpenIdMetadataUrl"] = "http://127.0.0.1:9/v1/.well-known/openidconfiguration" });

        foreach (var token in new[] { "Bearer a.b.c", "Bearer " + ChannelTokens.Create(AppId, BotApp.LoopbackServiceUrl), "Bearer " + ChannelTokens.Create(AppId, BotApp.LoopbackServiceUrl, validFor: TimeSpan.FromMinutes(-30)) })
        {
            var response = await app.PostRawAsync(JsonConvert.SerializeObject(app.Message(Dana, "new deal Contoso Ltd 45k")), authorization: null, rawAuthorization: token);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Empty(app.Connector.Sent);
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("could not be validated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connector_that_never_answers_ends_the_turn_cleanly_within_the_connector_timeout()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["SalesCoach:Bot:ConnectorTimeoutSeconds"] = "1" });
        app.Connector.StallReplies = true;
        var message = app.Message(Dana, "new deal Contoso Ltd 45k");

        var (status, _) = await app.PostAsync(message);

        // The change is applied and kept (Teams may retry; it is not applied twice); the missing reply is logged, not a 500.
        Assert.Equal(200, status);
        Assert.Equal(1, app.Connector.StalledReplies);
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("ended without a reply", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        app.Connector.StallReplies = false;
        Assert.Contains("Contoso Ltd", Text(SingleCard(await app.SayAsync(Dana, "my deals"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connector_timeout_is_checked_at_start_up()
    {
        var error = await StartUp.FailureAsync(new Dictionary<string, string?> { ["SalesCoach:Bot:ConnectorTimeoutSeconds"] = "100" });

        Assert.Contains("SalesCoach:Bot:ConnectorTimeoutSeconds must be between 1 and 10", error, StringComparison.Ordinal);
    }
}
