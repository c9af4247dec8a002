using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>
/// Issue 15, finding 1: a store that cannot be written (locked by another process, read-only) answers writes plainly,
/// shows on /healthz, and heals by itself once the fault clears, without a restart.
/// </summary>
public sealed class StoreFaultTests : IAsyncLifetime
{
    private const string CouldNotSave = "I couldn't save that now, so nothing was changed.";
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpStatusCode> HealthAsync() => (await _app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode;

    private static string Said(IReadOnlyList<Microsoft.Bot.Schema.Activity> replies) =>
        string.Join("\n", replies.Select(r => r.Text ?? string.Join("\n", CardsIn(r))));

    [Fact]
    public async Task While_another_process_holds_the_write_lock_a_change_is_answered_plainly_and_health_says_so_then_it_heals()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await using (var other = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE; UPDATE store_probe SET written_at = written_at;";
            await hold.ExecuteNonQueryAsync();

            var said = Said(await _app.SayAsync(Dana, "new deal Fabrikam 10k"));

            Assert.Contains(CouldNotSave, said, StringComparison.Ordinal);
            Assert.DoesNotContain("something went wrong", said, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync());
        }

        // The change goes through at once; /healthz follows within the heal interval of the last refused turn.
        Assert.Contains("Created Fabrikam", Text(SingleCard(await _app.SayAsync(Dana, "new deal Fabrikam 10k"))), StringComparison.Ordinal);
        _app.Time.Advance(SalesCoachBot.Storage.StoreFaultMemory.HealInterval);
        Assert.Equal(HttpStatusCode.OK, await HealthAsync());
        var deals = Text(SingleCard(await _app.SayAsync(Dana, "my deals")));
        Assert.Contains("Contoso Ltd", deals, StringComparison.Ordinal);
        Assert.Contains("Fabrikam", deals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_another_process_holds_the_write_lock_reads_still_answer()
    {
        // A view writes nothing (no profile rewrite; the retry claim is best effort), so it needs no write lock.
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await using var other = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using var hold = other.CreateCommand();
        hold.CommandText = "BEGIN IMMEDIATE; UPDATE store_probe SET written_at = written_at;";
        await hold.ExecuteNonQueryAsync();

        var deals = Said(await _app.SayAsync(Dana, "my deals"));
        var deal = Said(await _app.SayAsync(Dana, "show contoso"));

        Assert.Contains("Contoso Ltd", deals, StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd", deal, StringComparison.Ordinal);
        Assert.DoesNotContain(CouldNotSave, deals + deal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bot_started_on_a_read_only_file_answers_changes_plainly_and_heals_once_the_file_is_writable()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await using var restarted = new BotApp(_app.DatabasePath);
        ReadOnly(restarted.DatabasePath, true);
        try
        {
            var said = Said(await restarted.SayAsync(Dana, "new deal Fabrikam 10k"));

            Assert.Contains(CouldNotSave, said, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await restarted.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        }
        finally
        {
            ReadOnly(restarted.DatabasePath, false);
        }

        // No restart: the same app, the next turn.
        Assert.Contains("Created Fabrikam", Text(SingleCard(await restarted.SayAsync(Dana, "new deal Fabrikam 10k"))), StringComparison.Ordinal);
        restarted.Time.Advance(SalesCoachBot.Storage.StoreFaultMemory.HealInterval);
        Assert.Equal(HttpStatusCode.OK, (await restarted.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Contains("Contoso Ltd", Text(SingleCard(await restarted.SayAsync(Dana, "my deals"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_click_that_cannot_be_saved_is_answered_on_the_card_plainly()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        var moveButton = Actions(SingleCard(await _app.SayAsync(Dana, "what now for contoso"))).First(a => a.Verb == "moveDeal");
        await using var other = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using var hold = other.CreateCommand();
        hold.CommandText = "BEGIN IMMEDIATE; UPDATE store_probe SET written_at = written_at;";
        await hold.ExecuteNonQueryAsync();

        var (status, body) = await _app.ClickAsync(Dana, moveButton.Verb, moveButton.Data);

        Assert.Equal(200, status);
        Assert.Contains(CouldNotSave, body?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_cosmos_a_change_while_the_server_is_down_is_answered_plainly()
    {
        var server = await SalesCoachBot.Testing.CosmosTestServer.StartAsync();
        await using var app = new BotApp(settings: BotApp.CosmosSettings(server));
        await app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        await server.DisposeAsync();
        var said = Said(await app.SayAsync(Dana, "new deal Fabrikam 10k"));

        Assert.True(said.Contains(CouldNotSave, StringComparison.Ordinal), string.Join("\n", app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Message)));
        Assert.DoesNotContain("something went wrong", said, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_store_that_accepts_and_never_answers_costs_the_turn_its_budget_and_the_user_is_told()
    {
        // A Cosmos DB endpoint on loopback that accepts connections and never answers (throttled or partitioned away).
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var app = new BotApp(settings: new Dictionary<string, string?>
        {
            ["SalesCoach:Storage:Provider"] = "Cosmos",
            ["SalesCoach:Storage:Cosmos:ConnectionString"] = $"AccountEndpoint=https://127.0.0.1:{port}/;AccountKey={Convert.ToBase64String(new byte[64])};",
            ["SalesCoach:Storage:Cosmos:Database"] = "silent",
            ["SalesCoach:Storage:Cosmos:CreateIfMissing"] = "false",
            ["SalesCoach:Bot:TurnTimeoutSeconds"] = "2",
        });

        var said = Said(await app.SayAsync(Dana, "new deal Fabrikam 10k"));

        Assert.Contains("That took me too long, so I stopped.", said, StringComparison.Ordinal);
        Assert.DoesNotContain("something went wrong", said, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Read-only as the bot sees it: chmod for a normal user; root ignores file modes, so for root the file is made
    /// immutable (chattr), which refuses root's writes too.
    /// </summary>
    private static void ReadOnly(string path, bool readOnly)
    {
        if (Environment.UserName == "root")
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [readOnly ? "+i" : "-i", path]) { RedirectStandardError = true })!;
            chattr.WaitForExit();
            Assert.True(chattr.ExitCode == 0, $"chattr failed: {chattr.StandardError.ReadToEnd()}");
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, readOnly ? UnixFileMode.UserRead : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        else
        {
            File.SetAttributes(path, readOnly ? FileAttributes.ReadOnly : FileAttributes.Normal);
        }
    }
}
