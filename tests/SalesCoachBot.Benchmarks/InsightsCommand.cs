using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Insights;
using SalesCoachBot.Insights.Charts;
using SalesCoachBot.Replies;
using SalesCoachBot.Storage.Sqlite;
using SalesCoachBot.Testing.Insights;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// A manager's team questions at team size (issue 13): a fresh SQLite file seeded with <see cref="TeamScaleScenario"/>
/// (a manager, --reps reps of --deals-per-rep deals each, saved one by one through the store), then "team forecast this
/// quarter" and "team stats this quarter" answered by the host's own <see cref="InsightCommandHandler"/> (reading the
/// team, computing, building the card), the median of --runs runs each. Beside them, what one read of the whole team
/// costs: every deal in full (<see cref="IDealStore.ListAsync"/>) against the insight read the team questions use.
/// The last line is one JSON object.
/// </summary>
public static class InsightsCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var scenario = new TeamScaleScenario(args.Number("reps", 50), args.Number("deals-per-rep", 2_000));
        var runs = Math.Max(1, args.Number("runs", 5));
        var process = ProcessLoader.LoadDefault();

        // Seeding is a save per deal; on tmpfs (where there is one) a save does not wait for the disk to sync, which
        // would take most of the seeding time and is no part of what is measured. Reads come from the page cache either way.
        var folder = Directory.Exists("/dev/shm")
            ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"salescoach-insights-{Guid.NewGuid():N}"))
            : Directory.CreateTempSubdirectory("salescoach-insights-");
        try
        {
            using var database = new SqliteDatabase(Path.Combine(folder.FullName, "salescoach.db"));
            var deals = new SqliteDealStore(database);
            var users = new SqliteUserProfileStore(database);
            var seeding = Stopwatch.StartNew();
            await scenario.SeedAsync(deals, users, process);
            seeding.Stop();
            Console.Error.WriteLine($"insights: seeded {scenario.Reps * scenario.DealsPerRep} deals in {seeding.Elapsed.TotalSeconds:F1} s");

            var team = new TeamReader(users, deals, ManagerMapping.Empty);
            var handler = new InsightCommandHandler(
                deals,
                users,
                team,
                new DealResolver(deals, users),
                new DealUpdater(deals, process, NullLogger<DealUpdater>.Instance),
                new NoChartLinks(),
                NullLogger<InsightCommandHandler>.Instance);
            var today = DateOnly.FromDateTime(scenario.Now.UtcDateTime);
            var context = new CommandContext(scenario.Manager, new Actor("Morgan Manager", null), scenario.Now, today, TimeZoneInfo.Utc, process, null);
            var forecast = new AskInsight(InsightKind.TeamForecast, PeriodKind.ThisQuarter, null);
            var stats = new AskInsight(InsightKind.TeamStats, PeriodKind.ThisQuarter, null);
            var quarter = ReportPeriod.For(PeriodKind.ThisQuarter, today, TimeZoneInfo.Utc, process.FiscalYearStartMonth);
            var members = await team.TeamOfAsync(scenario.Manager, CancellationToken.None);

            // A first answer of each, not reported, so that JIT and first-use costs fall on none of the runs.
            await handler.AskAsync(forecast, context, CancellationToken.None);
            await handler.AskAsync(stats, context, CancellationToken.None);

            var forecastMs = new List<double>();
            var statsMs = new List<double>();
            var fullReadMs = new List<double>();
            var insightReadMs = new List<double>();
            int fullDeals = 0, insightDeals = 0;
            for (var run = 0; run < runs; run++)
            {
                forecastMs.Add(await TimeAsync(() => handler.AskAsync(forecast, context, CancellationToken.None)));
                statsMs.Add(await TimeAsync(() => handler.AskAsync(stats, context, CancellationToken.None)));
                fullReadMs.Add(await TimeAsync(async () => fullDeals = (await team.DealsOfAsync(members, includeClosed: true, CancellationToken.None)).Sum(r => r.Deals.Count)));
                insightReadMs.Add(await TimeAsync(async () => insightDeals = (await team.DealsChangedSinceAsync(members, quarter.Previous().StartsAt, CancellationToken.None)).Sum(r => r.Deals.Count)));
            }

            var result = new JsonObject
            {
                ["store"] = "sqlite",
                ["reps"] = scenario.Reps,
                ["deals"] = scenario.Reps * scenario.DealsPerRep,
                ["seed_s"] = Math.Round(seeding.Elapsed.TotalSeconds, 1),
                ["runs"] = runs,
                ["team_forecast_ms"] = Median(forecastMs),
                ["team_stats_ms"] = Median(statsMs),
                ["read_all_deals_ms"] = Median(fullReadMs),
                ["read_all_deals_count"] = fullDeals,
                ["read_for_insights_ms"] = Median(insightReadMs),
                ["read_for_insights_count"] = insightDeals,
                ["read_ratio_all_to_insights"] = Math.Round(Median(fullReadMs) / Math.Max(Median(insightReadMs), 1e-9), 2),
            };
            Console.WriteLine(result.ToJsonString(TurnsCommand.Json));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[sorted.Count / 2], 1);
    }

    /// <summary>A fixed chart link: the chart's data is computed by the handler as always, but no picture is sealed or drawn.</summary>
    private sealed class NoChartLinks : IChartLinks
    {
        public Uri PictureFor(ChartData chart, OwnerKey viewer) => new("https://127.0.0.1/charts/benchmark.png");
    }
}
