using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Storage;
using SalesCoachBot.Storage.Sqlite;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>
/// Issue 15, finding 1, the disk-full part: SQLite answers SQLITE_FULL ("database or disk is full") when the file cannot
/// grow. A full disk needs root to make; SQLite's page limit (<c>PRAGMA max_page_count</c>, per connection, set on every
/// connection the bot opens) at the file's current size gives the same error to the same code, without root.
/// </summary>
public sealed class DiskFullTests : IAsyncLifetime
{
    private const string CouldNotSave = "I couldn't save that now, so nothing was changed.";
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly PageLimit _limit = new();
    private readonly BotApp _app;

    public DiskFullTests()
    {
        var path = Path.Combine(Path.GetTempPath(), "salescoach-tests", Guid.NewGuid().ToString("N"), "salescoach.db");
        _app = new BotApp(path)
        {
            TestServices = services => services.AddSingleton(_ => new SqliteDatabase(path, busyTimeoutSeconds: 2, _limit.ApplyAsync)),
        };
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task On_a_full_disk_a_change_is_answered_plainly_reads_answer_health_says_so_and_it_heals_without_a_restart()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        await _app.SayAsync(Dana, "contoso amount 50k");
        _limit.Pages = await PageCountAsync();

        // New deals until one needs a page the file cannot have: that one is refused plainly, and not half-written.
        var (refused, said, created) = await CreateUntilRefusedAsync();

        Assert.Contains(CouldNotSave, said, StringComparison.Ordinal);
        Assert.DoesNotContain("something went wrong", said, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync());

        var deals = Text(SingleCard(await _app.SayAsync(Dana, "my deals")));
        Assert.Contains("Contoso Ltd", deals, StringComparison.Ordinal);
        Assert.DoesNotContain(refused, deals, StringComparison.Ordinal);
        var contoso = Text(SingleCard(await _app.SayAsync(Dana, "show contoso")));
        Assert.Contains("Amount: $50,000", contoso, StringComparison.Ordinal);
        Assert.Equal(created + 1, await StoredDealCountAsync());

        // Past the heal interval with the disk still full, the probe itself still sees no room.
        _app.Time.Advance(StoreFaultMemory.HealInterval + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync());

        // Room again (the limit raised, as a disk freed): healthy at once, and the refused change goes through, same app.
        _limit.Pages = 0;
        Assert.Equal(HttpStatusCode.OK, await HealthAsync());
        Assert.Contains($"Created {refused}", Text(SingleCard(await _app.SayAsync(Dana, $"new deal {refused} 1k"))), StringComparison.Ordinal);
        Assert.Contains(refused, Text(SingleCard(await _app.SayAsync(Dana, "my deals"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_refused_change_health_stays_unhealthy_for_the_heal_interval_then_follows_the_store()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");
        _limit.Pages = await PageCountAsync();
        await CreateUntilRefusedAsync();

        // The disk is freed at once; the turn's refusal is still recent, so health says so until the interval passes.
        _limit.Pages = 0;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync());
        _app.Time.Advance(StoreFaultMemory.HealInterval - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync());
        _app.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, await HealthAsync());
    }

    private async Task<(string Name, string Said, int Created)> CreateUntilRefusedAsync()
    {
        // A deal is a few hundred bytes and a page 4 KB: a handful of deals fill the free space of the pages they go to.
        for (var i = 1; i <= 60; i++)
        {
            var name = $"Filler {i.ToString(CultureInfo.InvariantCulture)}";
            var said = Said(await _app.SayAsync(Dana, $"new deal {name} 1k"));
            if (!said.Contains($"Created {name}", StringComparison.Ordinal))
            {
                return (name, said, i - 1);
            }
        }

        throw new Xunit.Sdk.XunitException("60 new deals fitted in a file that could not grow: the page limit did not hold.");
    }

    private async Task<HttpStatusCode> HealthAsync() =>
        (await _app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode;

    private static string Said(IReadOnlyList<Microsoft.Bot.Schema.Activity> replies) =>
        string.Join("\n", replies.Select(r => r.Text ?? string.Join("\n", CardsIn(r))));

    private async Task<int> PageCountAsync() => (int)await ScalarAsync("PRAGMA page_count");

    private async Task<long> StoredDealCountAsync() => await ScalarAsync("SELECT count(*) FROM deals");

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The page limit every connection of the bot gets when it is handed out.</summary>
    private sealed class PageLimit
    {
        private volatile int _pages;

        /// <summary>0: no limit of the test's own.</summary>
        public int Pages
        {
            get => _pages;
            set => _pages = value;
        }

        public async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA max_page_count = {(Pages == 0 ? int.MaxValue : Pages).ToString(CultureInfo.InvariantCulture)}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
