using System.Globalization;
using System.Text.Json.Nodes;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// Every request the Cosmos client sends, counted by container and kind (point read, query, the query plan, create,
/// replace, patch, delete, metadata), with the documents that came back (1 for a point read that found its document, the page's
/// <c>x-ms-item-count</c> for a query) and the time the requests took, answer included. Sits in the client's loopback
/// HttpClient, in front of the test server.
/// </summary>
internal sealed class CosmosRequestLog
{
    public const string Deals = "deals";
    public const string Schedule = "schedule";
    public const string Read = "read";
    public const string Query = "query";

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Container, string Kind), (int Requests, int Items, double Milliseconds)> _counts = [];

    public DelegatingHandler CreateHandler() => new Counter(this);

    public void Reset()
    {
        lock (_lock)
        {
            _counts.Clear();
        }
    }

    public int Requests(string container, string kind)
    {
        lock (_lock)
        {
            return _counts.GetValueOrDefault((container, kind)).Requests;
        }
    }

    public int Items(string container, string kind)
    {
        lock (_lock)
        {
            return _counts.GetValueOrDefault((container, kind)).Items;
        }
    }

    /// <summary>{"deals": {"read": {"requests": n, "documents": n, "ms": total}, ...}, ...}</summary>
    public JsonObject ToJson()
    {
        lock (_lock)
        {
            var json = new JsonObject();
            foreach (var ((container, kind), (requests, items, milliseconds)) in _counts.OrderBy(c => c.Key.Container, StringComparer.Ordinal).ThenBy(c => c.Key.Kind, StringComparer.Ordinal))
            {
                if (json[container] is not JsonObject byKind)
                {
                    byKind = [];
                    json[container] = byKind;
                }

                byKind[kind] = new JsonObject { ["requests"] = requests, ["documents"] = items, ["ms"] = Math.Round(milliseconds, 1) };
            }

            return json;
        }
    }

    private void Add(string container, string kind, int items, TimeSpan elapsed)
    {
        lock (_lock)
        {
            var (requests, itemsBefore, milliseconds) = _counts.GetValueOrDefault((container, kind));
            _counts[(container, kind)] = (requests + 1, itemsBefore + items, milliseconds + elapsed.TotalMilliseconds);
        }
    }

    private sealed class Counter(CosmosRequestLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var (container, kind) = Classify(request);
            var items = kind switch
            {
                Read => response.IsSuccessStatusCode ? 1 : 0,
                Query when response.Headers.TryGetValues("x-ms-item-count", out var count) => int.Parse(count.First(), CultureInfo.InvariantCulture),
                _ => 0,
            };
            log.Add(container, kind, items, elapsed);
            return response;
        }

        /// <summary>The container of /dbs/{db}/colls/{container}/docs[/{id}], and what the request does to it.</summary>
        private static (string Container, string Kind) Classify(HttpRequestMessage request)
        {
            var segments = request.RequestUri!.AbsolutePath.Trim('/').Split('/');
            if (segments.Length < 5 || segments[2] != "colls" || segments[4] != "docs")
            {
                return ("(account)", "metadata");
            }

            var container = Uri.UnescapeDataString(segments[3]);
            if (request.Headers.TryGetValues("x-ms-cosmos-is-query-plan-request", out var plan) && plan.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)))
            {
                return (container, "query-plan");
            }

            if (request.Headers.Contains("x-ms-documentdb-isquery")
                || request.Content?.Headers.ContentType?.MediaType == "application/query+json")
            {
                return (container, Query);
            }

            return (container, request.Method.Method switch
            {
                "GET" => segments.Length == 6 ? Read : "read-feed",
                "POST" => "create",
                "PUT" => "replace",
                "PATCH" => "patch",
                "DELETE" => "delete",
                var other => other.ToLowerInvariant(),
            });
        }
    }
}
