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
    public async Task Deals_survive_a_restart_because_they_live_in_the_file()
    {
        await Deals.SaveAsync(NewDeal("t1", "dana", "d1"), null, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        using var database = new SqliteDatabase(_database.FilePath);
        var reopened = new SqliteDealStore(database);

        Assert.NotNull(await reopened.GetAsync(new OwnerKey("t1", "dana"), "d1", CancellationToken.None));
    }

    [Fact]
    public async Task A_file_of_an_earlier_version_with_its_answered_activities_table_opens_and_keeps_its_deals()
    {
        // Earlier versions also kept answered activity ids in a table of their own; that table stays, unused.
        await Deals.SaveAsync(NewDeal("t1", "dana", "d1"), null, CancellationToken.None);
        await using (var connection = await _database.OpenAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                CREATE TABLE processed_activities (tenant_id TEXT NOT NULL, activity_id TEXT NOT NULL, processed_at TEXT NOT NULL, PRIMARY KEY (tenant_id, activity_id));
                CREATE INDEX processed_activities_by_time ON processed_activities (processed_at);
                INSERT INTO processed_activities VALUES ('t1', 'act-1', '2026-11-01T09:00:00.0000000Z');
                """;
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var database = new SqliteDatabase(_database.FilePath);
        var reopened = new SqliteDealStore(database);
        var saved = await reopened.SaveAsync(NewDeal("t1", "dana", "d2"), null, CancellationToken.None);

        Assert.Equal(SaveStatus.Saved, saved.Status);
        Assert.Equal(["d1", "d2"], (await reopened.ListAsync(new OwnerKey("t1", "dana"), includeClosed: true, CancellationToken.None)).Select(d => d.Id));
        Assert.True(await new SqliteStoreHealth(database, TimeProvider.System).IsHealthyAsync(CancellationToken.None));
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
