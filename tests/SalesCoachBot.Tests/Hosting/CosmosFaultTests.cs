using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Storage;
using SalesCoachBot.Storage.Cosmos;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Bot;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>
/// Issue 15, finding 1 on Cosmos DB: throttling (429 with x-ms-retry-after-ms), 503s and requests that get no answer,
/// injected in front of the Cosmos test server for N requests, then the server's own answers. A passing fault costs
/// no turn; one that keeps on is answered plainly inside the turn's production budget, reads still answer, /healthz
/// says so, and the bot heals by itself.
/// </summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosFaultTests(CosmosServerFixture cosmos) : IAsyncLifetime
{
    private const string CouldNotSave = "I couldn't save that now, so nothing was changed.";
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly CosmosFaults _faults = new();
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        var settings = BotApp.CosmosSettings(cosmos.Server);

        // The production budget (8 s), and one second per attempt so that the tests of silence stay short.
        settings["SalesCoach:Bot:TurnTimeoutSeconds"] = "8";
        settings["SalesCoach:Storage:Cosmos:RequestTimeout"] = "00:00:01";
        _app = new BotApp(settings: settings)
        {
            TestServices = services => services.AddHttpClient(CosmosAccount.LoopbackHttpClient).AddHttpMessageHandler(_faults.CreateHandler),
        };

        // Warm: the containers exist, the profile is written, the first turn's start-up costs are paid.
        Assert.Contains("Created Contoso Ltd", Said(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k")), StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_few_throttled_requests_cost_no_turn()
    {
        _faults.Inject(CosmosFault.Throttled, times: 3, CosmosFaults.Documents);

        var said = Said(await _app.SayAsync(Dana, "new deal Fabrikam 10k"));

        Assert.Contains("Created Fabrikam", said, StringComparison.Ordinal);
        Assert.Equal(3, _faults.Served);
    }

    [Fact]
    public async Task A_few_unavailable_answers_to_writes_cost_no_turn()
    {
        _faults.Inject(CosmosFault.Unavailable, times: CosmosTransientRetryHandler.MaxRetries, CosmosFaults.Writes);

        var said = Said(await _app.SayAsync(Dana, "new deal Fabrikam 10k"));

        Assert.True(said.Contains("Created Fabrikam", StringComparison.Ordinal), string.Join("\n", _app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Message)));
        Assert.Equal(CosmosTransientRetryHandler.MaxRetries, _faults.Served);
        Assert.Contains("Fabrikam", Text(SingleCard(await _app.SayAsync(Dana, "my deals"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_few_unavailable_answers_to_reads_cost_no_turn()
    {
        _faults.Inject(CosmosFault.Unavailable, times: CosmosTransientRetryHandler.MaxRetries, CosmosFaults.Reads);

        var deals = Said(await _app.SayAsync(Dana, "my deals"));

        Assert.Contains("Contoso Ltd", deals, StringComparison.Ordinal);
        Assert.Equal(CosmosTransientRetryHandler.MaxRetries, _faults.Served);
    }

    [Fact]
    public async Task A_read_that_gets_no_answer_is_tried_again_and_costs_no_turn()
    {
        _faults.Inject(CosmosFault.NoAnswer, times: 1, CosmosFaults.Reads);

        var deals = Said(await _app.SayAsync(Dana, "my deals"));

        Assert.Contains("Contoso Ltd", deals, StringComparison.Ordinal);
        Assert.Equal(1, _faults.Served);
    }

    [Fact]
    public async Task While_writes_keep_being_throttled_a_change_is_answered_plainly_reads_answer_and_health_says_so_then_it_heals()
    {
        _faults.Inject(CosmosFault.Throttled, times: int.MaxValue, CosmosFaults.Writes);

        var said = Said(await _app.SayAsync(Dana, "new deal Fabrikam 10k"));
        var deals = Said(await _app.SayAsync(Dana, "my deals"));
        var health = await HealthAsync();

        Assert.Contains(CouldNotSave, said, StringComparison.Ordinal);
        Assert.DoesNotContain("something went wrong", said, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("took me too long", said, StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd", deals, StringComparison.Ordinal);
        Assert.DoesNotContain("Fabrikam", deals, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health);

        _faults.Clear();
        Assert.Contains("Created Fabrikam", Said(await _app.SayAsync(Dana, "new deal Fabrikam 10k")), StringComparison.Ordinal);
        _app.Time.Advance(StoreFaultMemory.HealInterval);
        Assert.Equal(HttpStatusCode.OK, await HealthAsync());
    }

    [Fact]
    public async Task A_write_that_gets_no_answer_is_answered_plainly_within_the_turn_then_it_heals()
    {
        _faults.Inject(CosmosFault.NoAnswer, times: int.MaxValue, CosmosFaults.Writes);

        var said = Said(await _app.SayAsync(Dana, "new deal Fabrikam 10k"));

        Assert.Contains(CouldNotSave, said, StringComparison.Ordinal);
        Assert.DoesNotContain("took me too long", said, StringComparison.Ordinal);

        _faults.Clear();
        Assert.Contains("Created Fabrikam", Said(await _app.SayAsync(Dana, "new deal Fabrikam 10k")), StringComparison.Ordinal);
        Assert.Contains("Fabrikam", Text(SingleCard(await _app.SayAsync(Dana, "my deals"))), StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> HealthAsync() =>
        (await _app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode;

    private static string Said(IReadOnlyList<Microsoft.Bot.Schema.Activity> replies) =>
        string.Join("\n", replies.Select(r => r.Text ?? string.Join("\n", CardsIn(r))));
}
