using Microsoft.Azure.Cosmos;
using Microsoft.Data.Sqlite;

namespace SalesCoachBot.Storage;

/// <summary>
/// Tells a store that cannot be reached or written right now (a locked, read-only or full SQLite file; Cosmos DB
/// unreachable or throttling) from a bug. The host answers the first kind plainly ("couldn't save that now") and
/// keeps "something went wrong" for the second.
/// </summary>
public static class StoreFaults
{
    // SQLite primary result codes (the low byte of an extended code): https://www.sqlite.org/rescode.html
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>True when <paramref name="exception"/> (or an exception inside it) says the store is unavailable, not wrong.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCantOpen:
                    return true;
                case CosmosException cosmos when (int)cosmos.StatusCode is 408 or 429 or 449 or 500 or 502 or 503 or 504:
                    return true;
                // Cosmos DB in gateway mode lets a refused or broken connection escape as it is. An HTTP failure is the
                // store's only when Cosmos code threw it: the Teams connector's failures are HTTP failures too, and the
                // socket's IOException inside them is the network's, not the file's.
                case HttpRequestException when ThrownBy(current, typeof(CosmosClient).Assembly):
                    return true;
                case HttpRequestException:
                    return false;

                // A call cancelled or timed out (the connector's HttpClient timeout wraps the socket's IOException): the
                // turn's budget or the connector, which TurnFailures tells apart. Not "couldn't save".
                case OperationCanceledException:
                    return false;

                // The file itself (a folder that vanished, permissions).
                case IOException or UnauthorizedAccessException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }

        return false;
    }

    private static bool ThrownBy(Exception exception, System.Reflection.Assembly assembly) =>
        new System.Diagnostics.StackTrace(exception, fNeedFileInfo: false).GetFrames()
            .Any(frame => frame.GetMethod()?.DeclaringType?.Assembly == assembly);
}
