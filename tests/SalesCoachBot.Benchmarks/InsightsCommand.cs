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
        // --db <file> keeps the seeded file for the next run (seeded only when absent), so a change can be measured again
        // in seconds; the file is the caller's to delete, and must come from the same --reps and --deals-per-rep.
        var kept = args.Text("db");
        var folder = kept is not null
            ? null
            : Directory.Exists("/dev/shm")
                ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"salescoach-insights-{Guid.NewGuid():N}"))
                : Directory.CreateTempSubdirectory("salescoach-insights-");
        var path = kept is not null ? Path.GetFullPath(kept) : Path.Combine(folder!.FullName, "salescoach.db");
        var seed = !File.Exists(path);
        try
        {
            using var database = new SqliteDatabase(path);
            var deals = new SqliteDealStore(database);
            var users = new SqliteUserProfileStore(database);
            var seeding = Stopwatch.StartNew();
            if (seed)
            {
                await scenario.SeedAsync(deals, users, process);
                Console.Error.WriteLine($"insights: seeded {scenario.Reps * scenario.DealsPerRep} deals in {seeding.Elapsed.TotalSeconds:F1} s");
            }
            else
            {
                Console.Error.WriteLine($"insights: reusing the seeded file {path}");
            }

            seeding.Stop();

            var team = new TeamReader(users, deals, ManagerMapping.Empty);
            var handler = new InsightCommandHandler(
                deals,
                users,
                team,
                new Expectations(TargetsFile.Empty, ManagerMapping.Empty),
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

            var forecastMs = new List<(double Wall, double Cpu)>();
            var statsMs = new List<(double Wall, double Cpu)>();
            var fullReadMs = new List<(double Wall, double Cpu)>();
            var insightReadMs = new List<(double Wall, double Cpu)>();
            var computeMs = new List<(double Wall, double Cpu)>();
            int fullDeals = 0, insightDeals = 0;
            var since = TeamFigures.ReadSince(quarter, scenario.Now);

            // The two answers first, with nothing else held: as in the bot, where no team's deals stay in memory between
            // turns (a collector walking 53,000 deals kept by the benchmark would bill the answers for them).
            for (var run = 0; run < runs; run++)
            {
                forecastMs.Add(await TimeAsync(() => handler.AskAsync(forecast, context, CancellationToken.None)));
                statsMs.Add(await TimeAsync(() => handler.AskAsync(stats, context, CancellationToken.None)));
            }

            var read = await team.DealsChangedSinceAsync(members, since, CancellationToken.None);
            for (var run = 0; run < runs; run++)
            {
                // Every figure of both questions (per rep, the team, the trend) over deals already in memory: the part that is not reading.
                computeMs.Add(await TimeAsync(() => Task.FromResult(TeamFigures.Describe(read, process, quarter, scenario.Now))));
                fullReadMs.Add(await TimeAsync(async () => fullDeals = (await team.DealsOfAsync(members, includeClosed: true, CancellationToken.None)).Sum(r => r.Deals.Count)));
                insightReadMs.Add(await TimeAsync(async () => insightDeals = (await team.DealsChangedSinceAsync(members, since, CancellationToken.None)).Sum(r => r.Deals.Count)));
            }

            // The insight read must give exactly the figures the whole deals give, here at full size too, and the host's way
            // of working them out (each rep's as it is read, the team's summed from the reps') the same figures again.
            var whole = new TeamReader(users, new WholeDealStore(deals), ManagerMapping.Empty);
            var wholeFigures = TeamFigures.Describe(await whole.DealsChangedSinceAsync(members, since, CancellationToken.None), process, quarter, scenario.Now);
            var figuresMatch = TeamFigures.Describe(read, process, quarter, scenario.Now).SequenceEqual(wholeFigures)
                && (await TeamFigures.DescribeAsTheHostDoesAsync(team, members, since, process, quarter, scenario.Now)).SequenceEqual(wholeFigures);

            var result = new JsonObject
            {
                ["store"] = "sqlite",
                ["reps"] = scenario.Reps,
                ["deals"] = scenario.Reps * scenario.DealsPerRep,
                ["seed_s"] = seed ? Math.Round(seeding.Elapsed.TotalSeconds, 1) : null,
                ["runs"] = runs,
                ["team_forecast_ms"] = Median(forecastMs, r => r.Wall),
                ["team_forecast_cpu_ms"] = Median(forecastMs, r => r.Cpu),
                ["team_stats_ms"] = Median(statsMs, r => r.Wall),
                ["team_stats_cpu_ms"] = Median(statsMs, r => r.Cpu),
                ["compute_both_in_memory_ms"] = Median(computeMs, r => r.Wall),
                ["compute_both_in_memory_cpu_ms"] = Median(computeMs, r => r.Cpu),
                ["read_all_deals_ms"] = Median(fullReadMs, r => r.Wall),
                ["read_all_deals_cpu_ms"] = Median(fullReadMs, r => r.Cpu),
                ["read_all_deals_count"] = fullDeals,
                ["read_for_team_stats_ms"] = Median(insightReadMs, r => r.Wall),
                ["read_for_team_stats_cpu_ms"] = Median(insightReadMs, r => r.Cpu),
                ["read_for_team_stats_count"] = insightDeals,
                ["read_cpu_ratio_all_to_insights"] = Math.Round(Median(fullReadMs, r => r.Cpu) / Math.Max(Median(insightReadMs, r => r.Cpu), 1e-9), 2),
                ["figures_match_whole_deals"] = figuresMatch,
            };
            Console.WriteLine(result.ToJsonString(TurnsCommand.Json));
            return figuresMatch ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder?.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Wall-clock and CPU milliseconds of one call. On a machine shared with other builds the wall clock mostly measures
    /// the wait for a core; the process's CPU time (every thread: the parallel reads, the GC) is what the call itself cost.
    /// </summary>
    private static async Task<(double Wall, double Cpu)> TimeAsync(Func<Task> action)
    {
        // Each call starts from a collected heap, so that none pays for the garbage of the one before it (the whole read
        // leaves a gigabyte of it). Not timed.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        await action();
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
    }

    private static double Median(List<(double Wall, double Cpu)> runs, Func<(double Wall, double Cpu), double> of)
    {
        var sorted = runs.Select(of).Order().ToList();
        return Math.Round(sorted[sorted.Count / 2], 1);
    }

    /// <summary>A fixed chart link: the chart's data is computed by the handler as always, but no picture is sealed or drawn.</summary>
    private sealed class NoChartLinks : IChartLinks
    {
        public Uri PictureFor(ChartData chart, OwnerKey viewer) => new("https://127.0.0.1/charts/benchmark.png");
    }
}
