using System.Net;

namespace SalesCoachBot.Testing;

/// <summary>What a request to Cosmos DB gets instead of the server's answer.</summary>
public enum CosmosFault
{
    /// <summary>429 with x-ms-retry-after-ms, as Cosmos DB throttles.</summary>
    Throttled,

    /// <summary>503, as Cosmos DB answers while a partition is unavailable.</summary>
    Unavailable,

    /// <summary>No answer at all until the caller gives up (a network partition, an overloaded gateway).</summary>
    NoAnswer,
}

/// <summary>
/// Faults for the next N document requests to Cosmos DB, then the real server's answers again. Put in front of the
/// Cosmos test server with <see cref="CreateHandler"/> (the HTTP handler of the bot's Cosmos client, in gateway mode);
/// requests for the account and container metadata always pass, so only the store's own reads and writes are hit.
/// </summary>
public sealed class CosmosFaults
{
    private readonly Lock _lock = new();
    private CosmosFault _fault;
    private Func<HttpRequestMessage, bool> _which = _ => false;
    private int _remaining;
    private int _served;

    /// <summary>How long a throttled request is asked to wait (x-ms-retry-after-ms).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many faults have been served since the last <see cref="Inject"/>.</summary>
    public int Served
    {
        get
        {
            lock (_lock)
            {
                return _served;
            }
        }
    }

    /// <summary>Document reads and queries.</summary>
    public static bool Reads(HttpRequestMessage request) => IsDocument(request) && !IsWrite(request);

    /// <summary>Document creates, replaces, upserts and deletes.</summary>
    public static bool Writes(HttpRequestMessage request) => IsDocument(request) && IsWrite(request);

    public static bool Documents(HttpRequestMessage request) => IsDocument(request);

    /// <summary>The next <paramref name="times"/> requests that <paramref name="which"/> picks get <paramref name="fault"/>; int.MaxValue: until <see cref="Clear"/>.</summary>
    public void Inject(CosmosFault fault, int times, Func<HttpRequestMessage, bool> which)
    {
        lock (_lock)
        {
            _fault = fault;
            _which = which;
            _remaining = times;
            _served = 0;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _remaining = 0;
        }
    }

    public DelegatingHandler CreateHandler() => new FaultHandler(this);

    private CosmosFault? Take(HttpRequestMessage request)
    {
        lock (_lock)
        {
            if (_remaining <= 0 || !_which(request))
            {
                return null;
            }

            if (_remaining != int.MaxValue)
            {
                _remaining--;
            }

            _served++;
            return _fault;
        }
    }

    private static bool IsDocument(HttpRequestMessage request) =>
        request.RequestUri?.AbsolutePath.Contains("/docs", StringComparison.Ordinal) == true;

    private static bool IsWrite(HttpRequestMessage request) =>
        request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Patch
        || (request.Method == HttpMethod.Post && !request.Headers.Contains("x-ms-documentdb-isquery"));

    private sealed class FaultHandler(CosmosFaults faults) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            switch (faults.Take(request))
            {
                case CosmosFault.Throttled:
                    var throttled = Answer(request, (HttpStatusCode)429, """{"code":"TooManyRequests","message":"Request rate is large."}""");
                    throttled.Headers.Add("x-ms-retry-after-ms", ((int)faults.RetryAfter.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    throttled.Headers.Add("x-ms-substatus", "3200");
                    return throttled;
                case CosmosFault.Unavailable:
                    return Answer(request, HttpStatusCode.ServiceUnavailable, """{"code":"ServiceUnavailable","message":"Service is currently unavailable."}""");
                case CosmosFault.NoAnswer:
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                    throw new OperationCanceledException(cancellationToken);
                default:
                    return await base.SendAsync(request, cancellationToken);
            }
        }

        private static HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode status, string body) => new(status)
        {
            RequestMessage = request,
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
    }
}
