using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Storage;
using SalesCoachBot.Storage.Cosmos;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// The sweep of <see cref="SweepCommand"/> on the Cosmos DB test server (tests/tools/cosmos-test-server.js, started
/// and stopped here for each size, as the tests start it), with the stores as the host wires them. Every request the
/// Cosmos client sends is counted by container and kind (<see cref="CosmosRequestLog"/>), with the documents it
/// brought back: a sweep must read the due schedule entries and the due deals, and nothing of the other stored deals.
/// </summary>
internal static class CosmosSweep
{
    /// <summary>Saves in flight while seeding: the test server answers one request at a time, so more only queue.</summary>
    private const int SeedingSavesInFlight = 32;

    public static async Task<JsonObject> MeasureAsync(SalesProcess process, int size, int due)
    {
        await using var server = await CosmosTestServer.StartAsync();
        var requests = new CosmosRequestLog();
        var time = new FakeTimeProvider(SweepCommand.Start);
        await using var services = Services(server, time, requests);
        var deals = services.GetRequiredService<IDealStore>();
        var schedule = services.GetRequiredService<IReminderSchedule>();
        var users = services.GetRequiredService<IUserProfileStore>();
        var model = process.FindModel("consultative")!;

        var seeding = Stopwatch.StartNew();
        await SweepCommand.SeedDueAsync(process, deals, users, model, due);
        await SeedLaterAsync(deals, await SweepCommand.CreateLaterDealAsync(process, deals, model), size - due - 1, seeding);
        seeding.Stop();
        var seedRequests = requests.ToJson();

        // As on SQLite: the first stage's allowed time has passed for the due deals, and for none of the rest.
        time.Advance(model.FirstStage.AllowedTime!.Value + TimeSpan.FromHours(1));
        var query = new List<double>();
        // Median of 3 (SQLite: of 5): on the test server each one scans the whole schedule container.
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = await schedule.ListDueAsync(time.GetUtcNow(), 1000, CancellationToken.None);
            query.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        requests.Reset();
        var notifier = new SweepCommand.AcceptingNotifier();
        var sweeper = SweepCommand.Sweeper(process, schedule, deals, users, notifier, time);
        var clock = Stopwatch.StartNew();
        await sweeper.SweepAsync(CancellationToken.None);
        clock.Stop();
        query.Sort();

        var entriesRead = requests.Items(CosmosRequestLog.Schedule, CosmosRequestLog.Query);
        var dealsRead = requests.Items(CosmosRequestLog.Deals, CosmosRequestLog.Read) + requests.Items(CosmosRequestLog.Deals, CosmosRequestLog.Query);
        return new JsonObject
        {
            ["deals"] = size,
            ["due"] = due,
            ["seed_s"] = Math.Round(seeding.Elapsed.TotalSeconds, 1),
            ["seed_requests"] = seedRequests,
            ["due_query_ms"] = Math.Round(query[query.Count / 2], 2),
            ["sweep_ms"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
            ["schedule_entries_read"] = entriesRead,
            ["deal_documents_read"] = dealsRead,
            ["deal_queries"] = requests.Requests(CosmosRequestLog.Deals, CosmosRequestLog.Query),
            ["rows_read"] = entriesRead + dealsRead,
            ["only_due_read"] = entriesRead == due && dealsRead == due,
            ["sent"] = notifier.Reminders,
            ["requests"] = requests.ToJson(),
        };
    }

    /// <summary>
    /// <paramref name="count"/> copies of a deal that falls due a month later, each saved through the store as a turn
    /// saves a new deal (its schedule entry, then the document), <see cref="SeedingSavesInFlight"/> at a time. Every
    /// copy is in the schedule: the sweep's query has all of them to pass over, not only the due ones.
    /// </summary>
    private static async Task SeedLaterAsync(IDealStore deals, Deal template, int count, Stopwatch seeding)
    {
        var saved = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(1, Math.Max(count, 0)),
            new ParallelOptions { MaxDegreeOfParallelism = SeedingSavesInFlight },
            async (i, ct) =>
            {
                var copy = template with { Id = $"bulk-{i}", OwnerId = $"bulk-rep-{i % 1000}", ETag = null };
                var (result, attempts) = await SaveAsync(deals, copy, ct);
                // A retried save that meets its own first attempt (which landed after all) is saved, not a conflict.
                if (result.Status != SaveStatus.Saved && !(result.Status == SaveStatus.Conflict && attempts > 1))
                {
                    throw new InvalidOperationException($"Seeding: the store did not save {copy.Id} ({result.Status}).");
                }

                if (Interlocked.Increment(ref saved) % 10_000 == 0)
                {
                    Console.Error.WriteLine($"sweep: {saved:N0} of {count:N0} deals saved on the Cosmos test server in {seeding.Elapsed.TotalSeconds:F0} s");
                }
            });
    }

    /// <summary>
    /// A save, tried again when the test server's proxy answers 502: under heavy machine load it sometimes loses its
    /// kept-alive connection to the server behind it (ECONNRESET). Seeding only: the sweep itself is never retried.
    /// </summary>
    private static async Task<(SaveResult Result, int Attempts)> SaveAsync(IDealStore deals, Deal deal, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await deals.SaveAsync(deal, null, cancellationToken), attempt);
            }
            catch (Microsoft.Azure.Cosmos.CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.BadGateway && attempt < 3)
            {
                Console.Error.WriteLine($"sweep: the Cosmos test server answered 502 ({e.Message.Split('\n')[0]}); saving {deal.Id} again");
            }
        }
    }

    /// <summary>The Cosmos stores as the host registers them (AddSalesCoachStorage, Provider=Cosmos), their HTTP requests counted.</summary>
    private static ServiceProvider Services(CosmosTestServer server, TimeProvider time, CosmosRequestLog requests)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SalesCoach:Storage:Provider"] = "Cosmos",
            ["SalesCoach:Storage:Cosmos:ConnectionString"] = server.ConnectionString,
            ["SalesCoach:Storage:Cosmos:Database"] = "sweep",
            // Longer than a deployment may set (1 to 4 s, so the check of that range is taken out below): the test server
            // has no index, so its query and each conditional patch of a schedule entry scan the whole container, which
            // at 100,000 entries takes longer than 4 s. A real account answers both from an index or a point operation.
            ["SalesCoach:Storage:Cosmos:RequestTimeout"] = "00:05:00",
        }).Build());
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Production,
            ApplicationName = "SalesCoachBot.Benchmarks",
            ContentRootPath = Path.GetTempPath(),
        });
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddSingleton(time);
        services.AddSalesCoachStorage();
        services.RemoveAll<IValidateOptions<StorageOptions>>();
        services.AddHttpClient(CosmosAccount.LoopbackHttpClient).AddHttpMessageHandler(requests.CreateHandler);
        return services.BuildServiceProvider();
    }
}
