using SalesCoachBot.Storage.Sqlite;
using SalesCoachBot.Storage.Tests.Reminders;

namespace SalesCoachBot.Storage.Tests.Sqlite;

/// <summary>The reminder sweep suite on the embedded store: each instance opens the same SQLite file.</summary>
public sealed class SqliteReminderSweepTests : ReminderSweepTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "salescoach-sweep", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteDatabase> _databases = [];

    protected override StoreInstance Open()
    {
        var database = new SqliteDatabase(Path.Combine(_folder, "salescoach.db"));
        _databases.Add(database);
        var deals = new SqliteDealStore(database);
        return new StoreInstance(deals, deals, new SqliteUserProfileStore(database));
    }

    public override Task DisposeAsync()
    {
        _databases.ForEach(d => d.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
