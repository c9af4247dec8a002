using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Tests.Cards;

namespace SalesCoachBot.Tests.Support;

/// <summary>
/// The real bot host over HTTP, as Teams would call it: /api/messages in, replies out to a recording stand-in
/// connector. Time is fake and moved by the test; the store is a SQLite file of the test's own.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private int _nextActivity;

    public BotApp(string? databasePath = null, FakeTimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), "salescoach-tests", Guid.NewGuid().ToString("N"), "salescoach.db");
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        // The reminder sweep runs only where a test turns it on, so other tests see no proactive traffic.
        // A turn's budget of 8 s is for production; a build machine under load can take longer for a cold turn, and a
        // test that is not about the budget must not fail because of it (StoreFaultTests sets its own).
        _settings = new Dictionary<string, string?> { ["SalesCoach:Reminders:Enabled"] = "false", ["SalesCoach:Bot:TurnTimeoutSeconds"] = "60" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _settings["SalesCoach:Storage:Sqlite:Path"] = DatabasePath;
    }

    public string DatabasePath { get; }

    /// <summary>
    /// Where activities say replies go. Loopback, as the Agents Playground sends: an anonymous bot trusts no other
    /// (the address is never dialled: the recording connector answers every call).
    /// </summary>
    public const string LoopbackServiceUrl = "http://127.0.0.1:56150/teams/";

    /// <summary>Settings that put the bot on Cosmos DB: the test server, a database of this app's own.</summary>
    public static Dictionary<string, string?> CosmosSettings(SalesCoachBot.Testing.CosmosTestServer server, string? database = null) => new()
    {
        ["SalesCoach:Storage:Provider"] = "Cosmos",
        ["SalesCoach:Storage:Cosmos:ConnectionString"] = server.ConnectionString,
        ["SalesCoach:Storage:Cosmos:Database"] = database ?? SalesCoachBot.Testing.CosmosServerFixture.NewDatabaseName(),
    };

    /// <summary>Wednesday 25 November 2026, 09:00 UTC, unless the test says otherwise.</summary>
    public FakeTimeProvider Time { get; }

    public RecordingConnector Connector { get; } = new();

    /// <summary>The host environment: Development unless a test needs to see what Production does.</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Service changes of a test's own, applied after the app's registrations (e.g. a decorator over a store).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Everything the app logs at Information and above.</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>What goes in the Authorization header of each activity posted (none: no header), as Teams would sign it.</summary>
    public Func<Activity, string?>? Authorization { get; set; }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Exporters are chosen while the app is built, before ConfigureAppConfiguration applies, so this goes in as host configuration.
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SalesCoach:Telemetry:ConsoleExporter"] = "false",
        }));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => Connector));
            TestServices?.Invoke(services);
        });
    }

    public string NextActivityId() => $"act-{Interlocked.Increment(ref _nextActivity)}-{Guid.NewGuid():N}";

    public Activity Message(TestUser user, string text, string? id = null)
    {
        var activity = Base(user, ActivityTypes.Message, id);
        activity.Text = text;
        return activity;
    }

    /// <summary>Sends a message and returns the bot's replies to it.</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(TestUser user, string text)
    {
        var activity = Message(user, text);
        var response = await PostAsync(activity);
        Assert.Equal(200, response.Status);
        return Connector.RepliesTo(activity.Id);
    }

    /// <summary>Sends a message answered by one card (checked as Teams shows it) and returns the card's text.</summary>
    public async Task<string> CardTextAsync(TestUser user, string text) => CardReader.Text(CardReader.SingleCard(await SayAsync(user, text)));

    /// <summary>Sends a message answered by one plain message and returns its text.</summary>
    public async Task<string> TextReplyAsync(TestUser user, string text) => Assert.Single(await SayAsync(user, text)).Text;

    /// <summary>Clicks an Action.Execute button: the adaptiveCard/action invoke Teams sends. Returns the invoke response.</summary>
    public async Task<(int Status, JObject? Body)> ClickAsync(TestUser user, string verb, JObject data, string? id = null)
    {
        var activity = Base(user, ActivityTypes.Invoke, id);
        activity.Name = "adaptiveCard/action";
        activity.Value = new JObject
        {
            ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return await PostAsync(activity);
    }

    /// <summary>
    /// Posts an activity as Teams would and returns the response. Fails the test if a card the bot sent on this turn,
    /// or the card of the invoke response, fails the card checks: every card a conversation test receives is checked.
    /// </summary>
    public async Task<(int Status, JObject? Body)> PostAsync(Activity activity)
    {
        var response = await PostRawAsync(JsonConvert.SerializeObject(activity), authorization: Authorization?.Invoke(activity));
        var body = await response.Content.ReadAsStringAsync();
        var json = body.Length > 0 && body.TrimStart().StartsWith('{') ? JObject.Parse(body) : null;
        if (CardReader.CardIn(json) is { } card)
        {
            await CardChecks.AssertShowsInTeamsAsync(card, $"The card answering the {activity.Name} invoke");
        }

        AssertSentCardsShowInTeams();
        return ((int)response.StatusCode, json);
    }

    /// <summary>Fails the test if any card the bot has sent so far failed the card checks.</summary>
    public void AssertSentCardsShowInTeams() =>
        Assert.True(Connector.CardProblems.IsEmpty, string.Join("\n\n", Connector.CardProblems));

    /// <summary>Also checks the cards sent without a post of the test's own (reminders, proactive messages).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        AssertSentCardsShowInTeams();
    }

    /// <summary>Posts a body as is. <paramref name="rawAuthorization"/> goes in unparsed, for headers that are not even well-formed.</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json", string? authorization = null, string? rawAuthorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative));
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        if (rawAuthorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", rawAuthorization);
        }

        return await CreateClient().SendAsync(request);
    }

    private Activity Base(TestUser user, string type, string? id) => new()
    {
        Type = type,
        Id = id ?? NextActivityId(),
        ChannelId = "msteams",
        ServiceUrl = LoopbackServiceUrl,
        Timestamp = Time.GetUtcNow(),
        LocalTimezone = user.TimeZone,
        From = new ChannelAccount(user.Id, user.Name) { AadObjectId = user.Id },
        Recipient = new ChannelAccount("28:sales-coach", "Sales Coach"),
        Conversation = new ConversationAccount(id: user.ConversationId) { ConversationType = "personal", TenantId = user.TenantId },
        ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = user.TenantId } },
    };
}
