using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// The soak (issue 15): the bot in a server process of its own, Production environment with the log levels its
/// appsettings.json ships with, driven at a steady rate for minutes by users in their own 1:1 chats. Every turn is
/// checked answered, and not with an apology; resident memory is sampled every 30 s; the bot's log output is
/// counted. The last line is one JSON object: RSS first/last/max and drift, errors, log bytes and lines per 1,000 turns.
/// </summary>
public static class SoakCommand
{
    /// <summary>A rep's day: views, updates, a logged call; "{0}" makes each amount change a real change.</summary>
    private static readonly string[] _script =
    [
        "my deals",
        "show contoso",
        "contoso amount {0}k",
        "next step for contoso: send pricing by friday",
        "what now for contoso",
        "called fabrikam about pricing",
        "how am I doing",
    ];

    public static async Task<int> RunAsync(Arguments args)
    {
        var users = args.Number("users", 10);
        var rate = args.Number("rate", 5);
        var duration = args.Number("seconds", 0) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(args.Number("minutes", 10));
        var sampleEvery = TimeSpan.FromSeconds(args.Number("sample-seconds", 30));
        if (users < 1 || rate < 1)
        {
            Console.Error.WriteLine("soak: --users and --rate must be at least 1.");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("salescoach-soak-");
        await using var connector = await FakeConnector.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            // --bot: a copy of a build, so that building the repository while a long soak runs cannot swap its files.
            var bot = args.Text("bot") ?? ServerProcess.AssemblyOf("src/SalesCoachBot", "SalesCoachBot");
            await using var server = ServerProcess.Start(bot, new Dictionary<string, string>
            {
                ["SalesCoach__Bot__AllowAnonymousInProduction"] = "true",
                ["SalesCoach__Storage__Sqlite__Path"] = Path.Combine(folder.FullName, "salescoach.db"),
            }, productionLogging: true);
            var reps = Enumerable.Range(1, users).Select(i => $"soak-{i.ToString("D3", CultureInfo.InvariantCulture)}").ToList();
            var load = new Load(server, http, connector);
            await load.WaitUntilAnsweringAsync();

            // Set-up and warm-up, not measured: three deals each, then one round of the script (JIT, pools, page cache).
            await Task.WhenAll(reps.Select(async rep =>
            {
                foreach (var text in new[] { "new deal Contoso Ltd 45k", "new deal Fabrikam 20k", "new deal Northwind 12k" })
                {
                    await load.TurnAsync(rep, text, measured: false);
                }

                for (var i = 0; i < _script.Length; i++)
                {
                    await load.TurnAsync(rep, Line(i), measured: false);
                }
            }));

            var logBytesBefore = server.OutputBytes;
            var logLinesBefore = server.OutputLines;
            var errorLinesBefore = server.ErrorLines;
            var samples = new List<double> { Megabytes(server.Memory().Now) };
            Console.Error.WriteLine($"soak: {users} users, {rate} turns/s, {duration.TotalMinutes:F1} min; RSS {samples[0]:F1} MB after warm-up");
            using var stop = new CancellationTokenSource(duration);
            var sampler = SampleAsync(server, samples, sampleEvery, stop.Token);

            // Each user sends one message every users/rate seconds, the users spread evenly over that period: a steady
            // rate overall. A user never has two turns in flight (a person waits for the answer); a slow turn delays
            // that user's next one, and is counted as late.
            var period = TimeSpan.FromSeconds((double)users / rate);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(reps.Select((rep, index) => UserAsync(load, rep, period, period * index / users, stop.Token)));
            clock.Stop();
            await sampler;
            samples.Add(Megabytes(server.Memory().Now));

            // Replies reach the connector before the POST returns, but give a straggler a moment.
            await Task.Delay(TimeSpan.FromSeconds(1));
            var result = load.Result(clock.Elapsed, samples, server.OutputBytes - logBytesBefore, server.OutputLines - logLinesBefore, server.ErrorLines - errorLinesBefore);
            result["users"] = users;
            result["rate_per_s"] = rate;
            result["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
            result["machine"] = new JsonObject
            {
                ["cores"] = Environment.ProcessorCount,
                ["load_average_1m"] = LoadAverage(),
                ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            };
            Console.WriteLine(result.ToJsonString(TurnsCommand.Json));
            return result["errors"]!.GetValue<int>() == 0 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Line(int turn) =>
        string.Format(CultureInfo.InvariantCulture, _script[turn % _script.Length], 40 + (turn % 50));

    private static async Task UserAsync(Load load, string rep, TimeSpan period, TimeSpan offset, CancellationToken stop)
    {
        try
        {
            await Task.Delay(offset, stop);
            var due = Stopwatch.GetTimestamp();
            for (var turn = 0; !stop.IsCancellationRequested; turn++)
            {
                var started = Stopwatch.GetTimestamp();
                if (Stopwatch.GetElapsedTime(due, started) > period)
                {
                    load.Late();
                }

                await load.TurnAsync(rep, Line(turn), measured: true);
                due += (long)(period.TotalSeconds * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop);
                }
                else
                {
                    // Behind: start again from now rather than firing a burst to catch up.
                    due = Stopwatch.GetTimestamp();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The soak is over.
        }
    }

    private static async Task SampleAsync(ServerProcess server, List<double> samples, TimeSpan every, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var rss = Megabytes(server.Memory().Now);
                lock (samples)
                {
                    samples.Add(rss);
                }

                Console.Error.WriteLine($"soak: RSS {rss:F1} MB");
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The soak is over.
        }
    }

    private static double Megabytes(long bytes) => Math.Round(bytes / 1048576.0, 1);

    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>The turns sent and what became of each: answered with a 200 and a reply that is not an apology, or not.</summary>
    private sealed class Load(ServerProcess server, HttpClient http, FakeConnector connector)
    {
        private readonly List<(string Id, double Milliseconds)> _turns = [];
        private int _httpErrors;
        private int _late;

        public void Late() => Interlocked.Increment(ref _late);

        public async Task WaitUntilAnsweringAsync()
        {
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90);
            while (DateTimeOffset.UtcNow < deadline)
            {
                try
                {
                    if (await PostAsync("soak-starter", "hi") is HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(50);
            }

            throw new TimeoutException("The bot did not answer a turn within 90 s of starting.");
        }

        public async Task TurnAsync(string rep, string text, bool measured)
        {
            var started = Stopwatch.GetTimestamp();
            var id = Guid.NewGuid().ToString("N");
            HttpStatusCode? status;
            try
            {
                status = await PostAsync(rep, text, id);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = null;
            }

            if (status != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref _httpErrors);
                Console.Error.WriteLine($"soak: '{text}' for {rep} answered {(status is null ? "nothing" : ((int)status).ToString(CultureInfo.InvariantCulture))}");
            }

            if (measured)
            {
                lock (_turns)
                {
                    _turns.Add((id, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                }
            }
        }

        public JsonObject Result(TimeSpan elapsed, List<double> rssSamples, long logBytes, long logLines, long errorLines)
        {
            var unanswered = 0;
            var apologies = 0;
            foreach (var (id, _) in _turns)
            {
                var (answered, apologised) = connector.AnswerTo(id);
                unanswered += answered ? 0 : 1;
                apologies += apologised ? 1 : 0;
            }

            var latencies = _turns.Select(t => t.Milliseconds).Order().ToList();
            var turns = _turns.Count;
            var first = rssSamples[0];
            var last = rssSamples[^1];
            var errors = _httpErrors + unanswered + apologies + (int)errorLines;
            return new JsonObject
            {
                ["turns"] = turns,
                ["turns_per_s"] = Math.Round(turns / elapsed.TotalSeconds, 2),
                ["errors"] = errors,
                ["http_errors"] = _httpErrors,
                ["unanswered"] = unanswered,
                ["apologies"] = apologies,
                ["went_wrong"] = connector.Failures,
                ["error_log_entries"] = errorLines,
                ["late_turns"] = _late,
                ["p50_ms"] = Math.Round(Percentile(latencies, 0.50), 1),
                ["p99_ms"] = Math.Round(Percentile(latencies, 0.99), 1),
                ["max_ms"] = Math.Round(latencies.Count == 0 ? 0 : latencies[^1], 1),
                ["rss_first_mb"] = first,
                ["rss_last_mb"] = last,
                ["rss_max_mb"] = rssSamples.Max(),
                ["rss_drift_pct"] = Math.Round((last - first) / first * 100, 1),
                // From the middle sample: the heap grows to its working size in the first minutes, then should stay flat.
                ["rss_drift_second_half_pct"] = Math.Round((last - rssSamples[rssSamples.Count / 2]) / rssSamples[rssSamples.Count / 2] * 100, 1),
                ["rss_samples_mb"] = new JsonArray([.. rssSamples.Select(s => (JsonNode)s)]),
                ["log_level"] = "as deployed (appsettings.json)",
                ["log_bytes"] = logBytes,
                ["log_lines"] = logLines,
                ["log_bytes_per_1000_turns"] = turns == 0 ? 0 : Math.Round(logBytes * 1000.0 / turns),
                ["log_lines_per_1000_turns"] = turns == 0 ? 0 : Math.Round(logLines * 1000.0 / turns, 1),
            };
        }

        private async Task<HttpStatusCode> PostAsync(string rep, string text, string? id = null)
        {
            var activity = TurnsCommand.Activity(connector.Address, rep, text);
            if (id is not null)
            {
                var node = JsonNode.Parse(activity)!;
                node["id"] = id;
                activity = node.ToJsonString();
            }

            using var content = new StringContent(activity, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(server.Address, "api/messages"), content);
            return response.StatusCode;
        }

        private static double Percentile(List<double> sorted, double p) =>
            sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
