using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Storage.Sqlite;
using SalesCoachBot.Storage.Tests.Contract;

namespace SalesCoachBot.Storage.Tests.Sqlite;

public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "salescoach-tests", Guid.NewGuid().ToString("N"));
    private SqliteDatabase _database = null!;

    protected override IDealStore Deals => new SqliteDealStore(_database);

    protected override IUserProfileStore Users => new SqliteUserProfileStore(_database);

    protected override IProcessedActivityStore Activities => new SqliteProcessedActivityStore(_database);

    public override Task InitializeAsync()
    {
        // A folder that does not exist yet: the store creates it on first use.
        _database = new SqliteDatabase(Path.Combine(_folder, "nested", "salescoach.db"));
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Processed_activities_are_kept_a_day_not_one_row_per_message_forever()
    {
        var store = new SqliteProcessedActivityStore(_database);
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

        // Three days of a busy rep: 100 messages an hour.
        for (var i = 0; i < 3 * 24 * 100; i++)
        {
            Assert.True(await store.TryClaimAsync("t1", $"act-{i}", start + TimeSpan.FromMinutes(0.6 * i), CancellationToken.None));
        }

        Assert.InRange(await store.CountAsync(CancellationToken.None), 24 * 100, 24 * 100 + 2);
        Assert.False(await store.IsProcessedAsync("t1", "act-0", CancellationToken.None));
        Assert.True(await store.IsProcessedAsync("t1", $"act-{(3 * 24 * 100) - 1}", CancellationToken.None));
    }

    [Fact]
    public async Task Deals_survive_a_restart_because_they_live_in_the_file()
    {
        await Deals.SaveAsync(NewDeal("t1", "dana", "d1"), null, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        using var database = new SqliteDatabase(_database.FilePath);
        var reopened = new SqliteDealStore(database);

        Assert.NotNull(await reopened.GetAsync(new OwnerKey("t1", "dana"), "d1", CancellationToken.None));
    }

    [Fact]
    public async Task Health_is_reported_when_the_file_answers()
    {
        Assert.True(await new SqliteStoreHealth(_database, TimeProvider.System).IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Health_is_bad_when_the_file_cannot_be_opened()
    {
        var blocker = Path.Combine(_folder, "blocker");
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(blocker, "not a folder");

        using var database = new SqliteDatabase(Path.Combine(blocker, "x.db"));
        var health = new SqliteStoreHealth(database, TimeProvider.System);

        Assert.False(await health.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Health_is_bad_while_the_file_cannot_grow_and_good_again_once_it_can()
    {
        // SQLite's page limit at the file's size stands in for a full disk: SQLITE_FULL as soon as a write needs a page.
        var pageLimit = 0;
        using var database = new SqliteDatabase(Path.Combine(_folder, "full.db"), prepareConnection: async (connection, ct) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA max_page_count = {(Volatile.Read(ref pageLimit) == 0 ? int.MaxValue : Volatile.Read(ref pageLimit))}";
            await command.ExecuteNonQueryAsync(ct);
        });
        var health = new SqliteStoreHealth(database, TimeProvider.System);
        Assert.True(await health.IsHealthyAsync(CancellationToken.None));
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "PRAGMA page_count";
            Volatile.Write(ref pageLimit, Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        // A row rewritten in place still fits, so a probe that only rewrote its row would say healthy here.
        Assert.False(await health.IsHealthyAsync(CancellationToken.None));

        Volatile.Write(ref pageLimit, 0);
        Assert.True(await health.IsHealthyAsync(CancellationToken.None));
    }
}
