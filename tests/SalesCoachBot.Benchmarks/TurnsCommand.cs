using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// The turn benchmark: Sales Coach and the SDK's echo sample, each in a server process of its own, driven over HTTP as
/// Teams drives a bot (anonymous local mode; replies go to <see cref="FakeConnector"/>), by simulated users each in
/// their own 1:1 chat, one message after another, all users at once. Prints per server: turns/s, latency p50/p99, CPU
/// per turn, resident memory, time from process start to the first answered turn; and the bot's store round trips
/// per turn (<see cref="StoreRoundTrips"/>). The last line is one JSON object.
/// </summary>
public static class TurnsCommand
{
    /// <summary>A rep's working messages: views and updates of one deal, as in issue 14.</summary>
    private static readonly string[] _script =
    [
        "my deals",
        "show contoso",
        "contoso amount {0}k",
        "next step for contoso: send pricing by friday",
        "what now for contoso",
    ];

    public static async Task<int> RunAsync(Arguments args)
    {
        var users = args.Number("users", 20);
        var turns = args.Number("turns", 40);
        // Turns per user before measuring, the same for both servers: JIT (tier-0, then tier-1 once a method is hot),
        // connection pools, SQLite's page cache. 40 covers the runtime's tier-up (a method is recompiled after 30 calls
        // and a short delay); with 5, the bot's p99 carried the tier-up pauses in one run of two (docs/performance.md).
        var warmup = args.Number("warmup", 40);
        var folder = Directory.CreateTempSubdirectory("salescoach-bench-");
        await using var connector = await FakeConnector.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };

        try
        {
            JsonObject echo, bot;
            await using (var server = ServerProcess.Start(ServerProcess.AssemblyOf("tests/SalesCoachBot.EchoBot", "SalesCoachBot.EchoBot"), new Dictionary<string, string>()))
            {
                echo = await MeasureAsync("echo", server, http, connector, users, turns, warmup, setUp: false);
            }

            await using (var server = ServerProcess.Start(ServerProcess.AssemblyOf("src/SalesCoachBot", "SalesCoachBot"), new Dictionary<string, string>
            {
                ["SalesCoach__Bot__AllowAnonymousInProduction"] = "true",
                ["SalesCoach__Storage__Sqlite__Path"] = Path.Combine(folder.FullName, "salescoach.db"),
                // The reminder sweep is measured by `sweep`; here it would only add its own work to the turns'.
                ["SalesCoach__Reminders__Enabled"] = "false",
            }))
            {
                bot = await MeasureAsync("bot", server, http, connector, users, turns, warmup, setUp: true);
            }

            var store = await StoreRoundTrips.MeasureAsync(connector, _script, Path.Combine(folder.FullName, "counted.db"));
            bot["store_reads_per_turn"] = store.ReadsPerTurn;
            bot["store_writes_per_turn"] = store.WritesPerTurn;
            bot["store_per_command"] = store.PerCommand;

            var result = new JsonObject
            {
                ["machine"] = Machine(),
                ["users"] = users,
                ["turns_per_user"] = turns,
                ["warmup_turns_per_user"] = warmup,
                ["echo"] = echo,
                ["bot"] = bot,
                ["cpu_ratio"] = Ratio(bot, echo, "cpu_ms_per_turn"),
                ["throughput_ratio"] = Ratio(bot, echo, "turns_per_s"),
                ["p99_ratio"] = Ratio(bot, echo, "p99_ms"),
            };
            Console.WriteLine(result.ToJsonString(Json));
            var failed = echo["failed"]!.GetValue<int>() + bot["failed"]!.GetValue<int>();
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<JsonObject> MeasureAsync(
        string name, ServerProcess server, HttpClient http, FakeConnector connector, int users, int turns, int warmup, bool setUp)
    {
        var firstAnswered = await FirstAnsweredTurnAsync(server, http, connector);
        Console.Error.WriteLine($"{name}: first turn answered {firstAnswered.TotalMilliseconds:F0} ms after the process started");
        var reps = Enumerable.Range(1, users).Select(i => $"bench-{name}-{i.ToString("D3", CultureInfo.InvariantCulture)}").ToList();
        if (setUp)
        {
            await Task.WhenAll(reps.Select(async rep =>
            {
                foreach (var text in new[] { "new deal Contoso Ltd 45k", "new deal Fabrikam 20k", "new deal Northwind 12k" })
                {
                    await PostAsync(server, http, connector, rep, text);
                }
            }));
        }

        // Warm-up: the same work, not measured.
        await RunUsersAsync(server, http, connector, reps, warmup, offset: 1000);

        var failuresBefore = connector.Failures;
        var repliesBefore = connector.Replies;
        var cpuBefore = server.CpuTime;
        var clock = Stopwatch.StartNew();
        var (latencies, errors) = await RunUsersAsync(server, http, connector, reps, turns, offset: 0);
        clock.Stop();
        var cpu = server.CpuTime - cpuBefore;
        var (rss, peak) = server.Memory();
        var total = users * turns;
        latencies.Sort();
        var failed = errors + (int)(connector.Failures - failuresBefore) + Math.Max(0, total - (int)(connector.Replies - repliesBefore));
        Console.Error.WriteLine($"{name}: {total} turns in {clock.Elapsed.TotalSeconds:F1} s, {failed} failed");
        return new JsonObject
        {
            ["turns"] = total,
            ["seconds"] = Round(clock.Elapsed.TotalSeconds),
            ["turns_per_s"] = Round(total / clock.Elapsed.TotalSeconds),
            ["p50_ms"] = Round(Percentile(latencies, 0.50)),
            ["p99_ms"] = Round(Percentile(latencies, 0.99)),
            ["cpu_ms_per_turn"] = Round(cpu.TotalMilliseconds / total),
            ["rss_mb"] = Round(rss / 1048576.0),
            ["peak_rss_mb"] = Round(peak / 1048576.0),
            ["start_to_first_turn_ms"] = Round(firstAnswered.TotalMilliseconds),
            ["failed"] = failed,
        };
    }

    private static async Task<(List<double> Latencies, int Errors)> RunUsersAsync(
        ServerProcess server, HttpClient http, FakeConnector connector, IReadOnlyList<string> reps, int turns, int offset)
    {
        var all = new List<double>(reps.Count * turns);
        var errors = 0;
        var results = await Task.WhenAll(reps.Select(async rep =>
        {
            var mine = new List<double>(turns);
            var failed = 0;
            for (var i = 0; i < turns; i++)
            {
                var text = string.Format(CultureInfo.InvariantCulture, _script[i % _script.Length], 40 + ((offset + i) % 50));
                var started = Stopwatch.GetTimestamp();
                var ok = await PostAsync(server, http, connector, rep, text);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                failed += ok ? 0 : 1;
            }

            return (mine, failed);
        }));
        foreach (var (mine, failed) in results)
        {
            all.AddRange(mine);
            errors += failed;
        }

        return (all, errors);
    }

    /// <summary>Posts messages until one is answered: the time from process start to a working bot.</summary>
    private static async Task<TimeSpan> FirstAnsweredTurnAsync(ServerProcess server, HttpClient http, FakeConnector connector)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                using var response = await SendAsync(server, http, Activity(connector.Address, "bench-starter", "hi"));
                if (response.IsSuccessStatusCode)
                {
                    return DateTimeOffset.UtcNow - server.Started;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The server did not answer a turn within 60 s of starting.");
    }

    private static async Task<bool> PostAsync(ServerProcess server, HttpClient http, FakeConnector connector, string rep, string text)
    {
        using var response = await SendAsync(server, http, Activity(connector.Address, rep, text));
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<HttpResponseMessage> SendAsync(ServerProcess server, HttpClient http, string activity)
    {
        using var content = new StringContent(activity, Encoding.UTF8, "application/json");
        return await http.PostAsync(new Uri(server.Address, "api/messages"), content);
    }

    /// <summary>A message as Teams posts it to a bot in a 1:1 chat, its replies to go to <paramref name="connector"/>.</summary>
    internal static string Activity(Uri connector, string rep, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = connector.ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["localTimezone"] = "Europe/Berlin",
        ["from"] = new JsonObject { ["id"] = rep, ["name"] = rep, ["aadObjectId"] = rep },
        ["recipient"] = new JsonObject { ["id"] = "28:sales-coach", ["name"] = "Sales Coach" },
        ["conversation"] = new JsonObject { ["id"] = $"a:personal-{rep}", ["conversationType"] = "personal", ["tenantId"] = "tenant-bench" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-bench" } },
        ["text"] = text,
    }.ToJsonString();

    /// <summary>Readable output: characters such as &lt; and quotes as they are, not escaped for HTML.</summary>
    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double Round(double value) => Math.Round(value, 2);

    private static double Ratio(JsonObject bot, JsonObject echo, string field) =>
        Round(bot[field]!.GetValue<double>() / Math.Max(echo[field]!.GetValue<double>(), 1e-9));

    private static JsonObject Machine() => new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
    };
}
