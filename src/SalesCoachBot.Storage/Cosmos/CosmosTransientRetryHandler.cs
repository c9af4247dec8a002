using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace SalesCoachBot.Storage.Cosmos;

/// <summary>
/// Tries again what Cosmos DB did not do and may be asked again, so that a passing fault costs a user no turn. The SDK
/// itself retries 429s (waiting what x-ms-retry-after-ms asks, see <see cref="CosmosStorageOptions.MaxRetryWaitOnThrottling"/>)
/// but, on an account with one region, neither a 503 nor a timeout. Here:
/// <list type="bullet">
/// <item>503 (service unavailable: the request was not processed): any request, up to <see cref="MaxRetries"/> times;</item>
/// <item>408 or no answer within <see cref="CosmosStorageOptions.RequestTimeout"/>: reads and queries only. A write that
/// timed out may have landed, so it is answered 408 at once and the user is told it could not be saved (had it landed,
/// a retry would find its own activity id on the deal and read as already handled, leaving the message unanswered).</item>
/// </list>
/// A retried write that did land first meets its own ETag or id (412 or 409), which the stores treat as a conflict and
/// read again. Network waits are real time, as the turn's budget is: a fake clock in tests must not stop a request.
/// </summary>
public sealed class CosmosTransientRetryHandler(TimeSpan attemptTimeout, ILogger logger) : RequestHandler
{
    public const int MaxRetries = 2;

    private static readonly TimeSpan[] _delays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300)];

    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = IsRead(request);
        for (var attempt = 0; ; attempt++)
        {
            var response = await AttemptAsync(request, cancellationToken).ConfigureAwait(false);
            var again = attempt < MaxRetries
                && (response.StatusCode == HttpStatusCode.ServiceUnavailable || (response.StatusCode == HttpStatusCode.RequestTimeout && read));
            if (!again)
            {
                return response;
            }

            logger.LogWarning("Cosmos DB answered {Status} to a {Method}; trying again ({Attempt} of {MaxRetries})", (int)response.StatusCode, request.Method.Method, attempt + 1, MaxRetries);
            // Not the response itself: disposing it disposes the request, which is sent again.
            response.Content?.Dispose();
            await Task.Delay(_delays[attempt], cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ResponseMessage> AttemptAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        using var attemptBudget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptBudget.CancelAfter(attemptTimeout);
        try
        {
            return await base.SendAsync(request, attemptBudget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (attemptBudget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // This attempt's time ran out, not the caller's: a timeout, said as Cosmos DB says one.
            return new ResponseMessage(HttpStatusCode.RequestTimeout, request, $"Cosmos DB did not answer within {attemptTimeout.TotalSeconds:0.#} s.");
        }
    }

    /// <summary>Reads, and queries (a POST that only reads): safe to send twice.</summary>
    private static bool IsRead(RequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
        || (request.Method == HttpMethod.Post && string.Equals(request.Headers["x-ms-documentdb-isquery"], "True", StringComparison.OrdinalIgnoreCase));
}
