using System.Net;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Bot;

public sealed class HostTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("{bad json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"not a url\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"}}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"https://x.test/\",\"conversation\":{\"id\":\"c\"}}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"https://x.test/\",\"conversation\":\"oops\",\"from\":{\"id\":\"u\"}}")]
    public async Task A_malformed_activity_gets_a_400_and_the_bot_keeps_serving(string body)
    {
        var response = await _app.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Created Contoso Ltd", Text(SingleCard(await _app.SayAsync(TestUser.Dana, "new deal Contoso Ltd 45k"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_request_gets_a_413_and_the_bot_keeps_serving()
    {
        var huge = _app.Message(TestUser.Dana, new string('x', 400_000));

        var (status, _) = await _app.PostAsync(huge);

        Assert.Equal(413, status);
        Assert.Contains("Created Contoso Ltd", Text(SingleCard(await _app.SayAsync(TestUser.Dana, "new deal Contoso Ltd 45k"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_app_id_configured_a_request_without_a_token_is_refused()
    {
        await using var secured = new BotApp(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });

        var (status, _) = await secured.PostAsync(secured.Message(TestUser.Dana, "my deals"));

        Assert.Equal(401, status);
        Assert.Empty(secured.Connector.Sent);
    }

    [Fact]
    public async Task Health_reports_that_the_store_answers()
    {
        var response = await _app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"store\":\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deals_survive_a_restart_of_the_bot()
    {
        await _app.SayAsync(TestUser.Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(TestUser.Dana, "move contoso to discovery, confirmed");
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using var restarted = new BotApp(_app.DatabasePath);
        var text = Text(SingleCard(await restarted.SayAsync(TestUser.Dana, "show contoso")));

        Assert.Contains("Stage: Discovery", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_manager_mapping_file_stops_start_up_naming_the_file_and_the_entry()
    {
        var path = Path.Combine(Path.GetTempPath(), $"managers-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{ \"managers\": [ { \"rep\": \"dana@contoso.com\" } ] }");
        var error = await StartUp.FailureAsync(new Dictionary<string, string?> { ["SalesCoach:Managers:File"] = path });

        Assert.Contains($"{path}: $.managers[0]: needs \"rep\" and \"manager\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_targets_file_stops_start_up_naming_the_file_and_the_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"targets-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{ \"teams\": [ { \"manager\": \"morgan@contoso.com\", \"weekly\": { \"calls\": \"twenty\" } } ] }");
        var error = await StartUp.FailureAsync(new Dictionary<string, string?> { ["SalesCoach:Targets:File"] = path });

        Assert.Contains($"SalesCoach:Targets:File: {path}: $.teams[0].weekly.calls (line 1): must be a whole number from 1 to 1000", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_process_file_stops_start_up_naming_the_file_and_the_problem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-process-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{ \"name\": \"x\", \"defaultModel\": \"nope\", \"models\": [] }");
        var error = await StartUp.FailureAsync(new Dictionary<string, string?> { ["SalesCoach:Process:Path"] = path });

        // The whole exception in the failure message: a start-up failure must name the file, not something else.
        Assert.True(error.Contains(path, StringComparison.Ordinal) && error.Contains("$.models", StringComparison.Ordinal), error);
    }
}
