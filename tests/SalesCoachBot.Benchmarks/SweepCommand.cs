using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Storage.Sqlite;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// The reminder sweep over a store of growing size with the same number of deals due: seeds each size, then times one
/// sweep as the host runs it (reminders go to a notifier that accepts them) and counts what it read. On SQLite (the
/// default) or, with <c>--store cosmos</c>, on the Cosmos DB test server (<see cref="CosmosSweep"/>). The last line is
/// one JSON object.
/// </summary>
public static class SweepCommand
{
    /// <summary>When the due deals are created: a Wednesday.</summary>
    internal static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(Arguments args)
    {
        var store = args.Text("store") ?? "sqlite";
        Func<SalesProcess, int, int, Task<JsonObject>>? measure = store switch
        {
            "sqlite" => MeasureAsync,
            "cosmos" => CosmosSweep.MeasureAsync,
            _ => null,
        };
        if (measure is null)
        {
            Console.Error.WriteLine($"sweep: --store is 'sqlite' (the default) or 'cosmos', not '{store}'.");
            return 2;
        }

        // The Cosmos test server holds everything in memory and is seeded request by request: 100,000 deals is its size.
        var sizes = args.Numbers("deals", store == "cosmos" ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]);
        var due = args.Number("due", 100);
        var process = ProcessLoader.LoadDefault();
        var results = new JsonArray();

        // A first small sweep, not reported, so that JIT and first-use costs fall on none of the sizes.
        await measure(process, Math.Min(sizes.Min(), 1000), Math.Min(due, 10));
        foreach (var size in sizes)
        {
            var result = await measure(process, size, due);
            Console.Error.WriteLine($"sweep: {result.ToJsonString(TurnsCommand.Json)}");
            results.Add(result);
        }

        var first = results[0]!["sweep_ms"]!.GetValue<double>();
        var last = results[^1]!["sweep_ms"]!.GetValue<double>();
        Console.WriteLine(new JsonObject
        {
            ["store"] = store,
            ["due"] = due,
            ["sizes"] = results,
            ["sweep_ratio_largest_to_smallest"] = Math.Round(last / Math.Max(first, 1e-9), 2),
        }.ToJsonString(TurnsCommand.Json));
        // Every due reminder sent, and nothing read but what was due.
        return results.All(r => r!["sent"]!.GetValue<int>() == r["due"]!.GetValue<int>() && r["only_due_read"]!.GetValue<bool>()) ? 0 : 1;
    }

    private static async Task<JsonObject> MeasureAsync(SalesProcess process, int size, int due)
    {
        var folder = Directory.CreateTempSubdirectory("salescoach-sweep-");
        try
        {
            using var database = new SqliteDatabase(Path.Combine(folder.FullName, "salescoach.db"));
            var deals = new SqliteDealStore(database);
            var users = new SqliteUserProfileStore(database);
            var time = new FakeTimeProvider(Start);
            var model = process.FindModel("consultative")!;

            var seeding = Stopwatch.StartNew();
            await SeedDueAsync(process, deals, users, model, due);
            await CopyLaterDealAsync(process, database, deals, model, size - due);
            seeding.Stop();

            // The sweep runs once the first stage's allowed time has passed for the due deals (and for none of the rest).
            time.Advance(model.FirstStage.AllowedTime!.Value + TimeSpan.FromHours(1));
            var schedule = new CountingSchedule(deals);
            var counted = new CountingDeals(deals);
            var query = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var started = Stopwatch.GetTimestamp();
                _ = await deals.ListDueAsync(time.GetUtcNow(), 1000, CancellationToken.None);
                query.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var notifier = new AcceptingNotifier();
            var sweeper = Sweeper(process, schedule, counted, users, notifier, time);
            var clock = Stopwatch.StartNew();
            var sweep = await sweeper.SweepAsync(CancellationToken.None);
            clock.Stop();
            query.Sort();
            return new JsonObject
            {
                ["deals"] = size,
                ["due"] = due,
                ["seed_s"] = Math.Round(seeding.Elapsed.TotalSeconds, 1),
                ["due_query_ms"] = Math.Round(query[query.Count / 2], 2),
                ["sweep_ms"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
                ["rows_read"] = schedule.Rows + counted.Reads,
                ["only_due_read"] = schedule.Rows + counted.Reads == due,
                ["sent"] = notifier.Reminders,
                ["query_plan"] = await PlanAsync(database),
            };
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Ten reps, and <paramref name="due"/> deals of theirs created through the store at the start, so their reminders fall due.</summary>
    internal static async Task SeedDueAsync(SalesProcess process, IDealStore deals, IUserProfileStore users, SellingModel model, int due)
    {
        var updater = new DealUpdater(deals, process, NullLogger<DealUpdater>.Instance);
        for (var rep = 0; rep < 10; rep++)
        {
            await users.SaveAsync(new UserProfile
            {
                TenantId = "t1",
                UserId = $"rep-{rep}",
                Name = $"Rep {rep}",
                TimeZoneId = "Europe/Berlin",
                ConversationReference = "{}",
                FirstSeen = Start,
                LastSeen = Start,
            }, null, CancellationToken.None);
        }

        for (var i = 0; i < due; i++)
        {
            var owner = new OwnerKey("t1", $"rep-{i % 10}");
            var created = DealRules.Create(owner, $"Due deal {i}", null, model, Start, new Actor(owner.UserId, $"create-{i}")).Deal!;
            await updater.CreateAsync(created, CancellationToken.None);
        }
    }

    /// <summary>
    /// A deal created through the store a month after the due ones, as a turn creates it (its reminder scheduled, so it
    /// is in the store's schedule), whose first reminder falls due long after the sweep.
    /// </summary>
    internal static async Task<Deal> CreateLaterDealAsync(SalesProcess process, IDealStore deals, SellingModel model)
    {
        var later = DealRules.Create(new OwnerKey("t1", "rep-template"), "Later deal", null, model, Start + TimeSpan.FromDays(30), new Actor("rep-template", "create-template")).Deal!;
        var created = await new DealUpdater(deals, process, NullLogger<DealUpdater>.Instance).CreateAsync(later, CancellationToken.None);
        return created.Deal ?? throw new InvalidOperationException("Seeding: the store did not save the later deal.");
    }

    /// <summary>
    /// <paramref name="count"/> deals that are not due yet: one made by <see cref="CreateLaterDealAsync"/>, and copies of
    /// its row (reminder column included) written in one statement on the store's own schema (a million saves one by
    /// one would take most of an hour).
    /// </summary>
    private static async Task CopyLaterDealAsync(SalesProcess process, SqliteDatabase database, SqliteDealStore deals, SellingModel model, int count)
    {
        var template = await CreateLaterDealAsync(process, deals, model);

        await using var connection = await database.OpenAsync(CancellationToken.None);
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('deals')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var copied = columns.Select(c => c switch
        {
            "owner_id" => "'bulk-rep-' || (n.i % 1000)",
            "id" => "'bulk-' || n.i",
            _ => "t." + c,
        });
        await using var copy = connection.CreateCommand();
        copy.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO deals ({string.Join(", ", columns)})
            SELECT {string.Join(", ", copied)} FROM n, deals t WHERE t.owner_id = 'rep-template' AND t.id = $template
            """;
        copy.Parameters.AddWithValue("$count", Math.Max(count - 1, 0));
        copy.Parameters.AddWithValue("$template", template.Id);
        copy.CommandTimeout = 0;
        await using var transaction = await connection.BeginTransactionAsync();
        copy.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)transaction;
        await copy.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static async Task<string> PlanAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN SELECT body, etag FROM deals WHERE reminder_due IS NOT NULL AND reminder_due <= '2030' ORDER BY reminder_due LIMIT 100";
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join("; ", steps);
    }

    internal static ReminderSweeper Sweeper(SalesProcess process, IReminderSchedule schedule, IDealStore deals, IUserProfileStore users, IReminderNotifier notifier, TimeProvider time)
    {
        var options = Options.Create(new ReminderOptions());
        var mapping = ManagerMapping.Empty;
        var managers = new ManagerLookup(users, mapping, time, NullLogger<ManagerLookup>.Instance);
        return new ReminderSweeper(
            schedule,
            users,
            new ReminderClaims(deals, managers, process, options),
            managers,
            new DigestSender(users, deals, notifier, mapping, new Expectations(TargetsFile.Empty, mapping), process, options, NullLogger<DigestSender>.Instance),
            notifier,
            time,
            options,
            NullLogger<ReminderSweeper>.Instance);
    }

    /// <summary>The rows the due-deal query returned.</summary>
    private sealed class CountingSchedule(IReminderSchedule inner) : IReminderSchedule
    {
        public int Rows { get; private set; }

        public async Task<IReadOnlyList<Deal>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
        {
            var due = await inner.ListDueAsync(now, limit, cancellationToken);
            Rows += due.Count;
            return due;
        }
    }

    /// <summary>The deals read one by one (a claim re-reads the deal it claims) or by owner.</summary>
    private sealed class CountingDeals(IDealStore inner) : IDealStore
    {
        public int Reads { get; private set; }

        public async Task<Deal?> GetAsync(OwnerKey owner, string dealId, CancellationToken cancellationToken)
        {
            var deal = await inner.GetAsync(owner, dealId, cancellationToken);
            Reads += deal is null ? 0 : 1;
            return deal;
        }

        public async Task<IReadOnlyList<Deal>> ListAsync(OwnerKey owner, bool includeClosed, CancellationToken cancellationToken)
        {
            var deals = await inner.ListAsync(owner, includeClosed, cancellationToken);
            Reads += deals.Count;
            return deals;
        }

        public async Task<IReadOnlyList<Deal>> ListIncludingDeletedAsync(OwnerKey owner, CancellationToken cancellationToken)
        {
            var deals = await inner.ListIncludingDeletedAsync(owner, cancellationToken);
            Reads += deals.Count;
            return deals;
        }

        public Task<SaveResult> SaveAsync(Deal deal, string? expectedETag, CancellationToken cancellationToken) =>
            inner.SaveAsync(deal, expectedETag, cancellationToken);
    }

    /// <summary>Teams accepting every reminder.</summary>
    internal sealed class AcceptingNotifier : IReminderNotifier
    {
        private int _reminders;

        public int Reminders => _reminders;

        public Task<NotifyResult> RemindRepAsync(UserProfile rep, IReadOnlyList<DueReminder> reminders, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref _reminders, reminders.Count);
            return Task.FromResult(NotifyResult.Sent);
        }

        public Task<NotifyResult> SendDigestAsync(UserProfile manager, IReadOnlyList<StalledDeal> stalled, IReadOnlyList<ScorecardRow> scorecard, CancellationToken cancellationToken) =>
            Task.FromResult(NotifyResult.Sent);

        public Task<NotifyResult> SendWeeklySummaryAsync(UserProfile rep, ScorecardRow scorecard, CancellationToken cancellationToken) =>
            Task.FromResult(NotifyResult.Sent);

        public Task<NotifyResult> NudgeManagerAsync(UserProfile manager, UserProfile rep, DueReminder reminder, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reminders);
            return Task.FromResult(NotifyResult.Sent);
        }
    }
}
