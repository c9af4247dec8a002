using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Net;

namespace SalesCoachBot.Storage.Cosmos;

public enum CosmosConnectionModeOption
{
    /// <summary>TCP to the replicas: fewer hops, the SDK's recommendation for production.</summary>
    Direct,

    /// <summary>HTTPS through the gateway: for locked-down networks (only port 443) and local test servers.</summary>
    Gateway,
}

/// <summary>Bound from <c>SalesCoach:Storage:Cosmos</c>; used when <c>SalesCoach:Storage:Provider</c> is <c>Cosmos</c>.</summary>
public sealed class CosmosStorageOptions
{
    public const string Section = StorageOptions.Section + ":Cosmos";

    /// <summary>The account endpoint, e.g. https://contoso.documents.azure.com:443/. Alone, it means keyless sign-in (managed identity).</summary>
    public string? Endpoint { get; set; }

    /// <summary>An account key for <see cref="Endpoint"/>. Keep it in a secret store, never in appsettings.</summary>
    public string? Key { get; set; }

    /// <summary>A full connection string (AccountEndpoint=…;AccountKey=…), instead of Endpoint (+ Key).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Client id of the user-assigned managed identity to sign in with; AZURE_CLIENT_ID works too.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Required(ErrorMessage = "SalesCoach:Storage:Cosmos:Database must name the database, e.g. salescoach.")]
    public string Database { get; set; } = "salescoach";

    [Required(ErrorMessage = "SalesCoach:Storage:Cosmos:DealsContainer must name the deals container.")]
    public string DealsContainer { get; set; } = "deals";

    [Required(ErrorMessage = "SalesCoach:Storage:Cosmos:UsersContainer must name the users container.")]
    public string UsersContainer { get; set; } = "users";

    [Required(ErrorMessage = "SalesCoach:Storage:Cosmos:ScheduleContainer must name the schedule container.")]
    public string ScheduleContainer { get; set; } = "schedule";

    /// <summary>Create the database and containers at start-up when missing. Off for accounts where the app may only read and write data (RBAC data roles).</summary>
    public bool CreateIfMissing { get; set; } = true;

    public CosmosConnectionModeOption ConnectionMode { get; set; } = CosmosConnectionModeOption.Direct;

    // Teams waits 15 s for a turn; the host gives a turn 8 s (SalesCoach:Bot:TurnTimeoutSeconds) and the reply 5 s. A
    // turn makes its Cosmos DB calls one after another (a change reads the profile and the deals, then writes), and a
    // throttled read that finally answers still leaves the write to make, so two calls that give up must fit in 8 s: 3 s each for throttling, 2 s per attempt otherwise.
    // Then a store that keeps refusing is answered "couldn't save that now" rather than "that took me too long".

    /// <summary>How often the SDK retries a throttled (429) request before the store gives up on it.</summary>
    [Range(0, 30, ErrorMessage = "SalesCoach:Storage:Cosmos:MaxRetryAttemptsOnThrottling must be between 0 and 30.")]
    public int MaxRetryAttemptsOnThrottling { get; set; } = 9;

    /// <summary>The longest the SDK spends retrying throttled requests for one operation (it waits what Cosmos DB's x-ms-retry-after-ms asks).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:04", ErrorMessage = "SalesCoach:Storage:Cosmos:MaxRetryWaitOnThrottling must be between 00:00:01 and 00:00:04 (a turn has 8 s and Teams waits 15 s).")]
    public TimeSpan MaxRetryWaitOnThrottling { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long one attempt of a request may take before it counts as timed out (a point operation normally takes
    /// milliseconds). A timed-out read is tried again (<see cref="CosmosTransientRetryHandler"/>); a timed-out write is
    /// not, since it may have landed, and the user is told it could not be saved.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:04", ErrorMessage = "SalesCoach:Storage:Cosmos:RequestTimeout must be between 00:00:01 and 00:00:04 (a turn has 8 s and Teams waits 15 s).")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The Azure region the app runs in (e.g. "West Europe"): the SDK reads from the nearest replica and fails over by distance.</summary>
    public string? ApplicationRegion { get; set; }

    /// <summary>The endpoint, from <see cref="Endpoint"/> or the connection string; null when neither names one.</summary>
    public Uri? AccountEndpoint()
    {
        var text = Endpoint;
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(ConnectionString))
        {
            var builder = new DbConnectionStringBuilder();
            try
            {
                builder.ConnectionString = ConnectionString;
            }
            catch (ArgumentException)
            {
                return null;
            }

            text = builder.TryGetValue("AccountEndpoint", out var value) ? value as string : null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
    }

    /// <summary>A local test server: the only place a self-signed certificate is accepted.</summary>
    public bool IsLoopback() => AccountEndpoint() is { } uri
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));

    /// <summary>What is wrong with how the account is named, in words an admin can act on; null when it is fine.</summary>
    public string? Problem()
    {
        var hasEndpoint = !string.IsNullOrWhiteSpace(Endpoint);
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (!hasEndpoint && !hasConnectionString)
        {
            return "SalesCoach:Storage:Provider is Cosmos, so set SalesCoach:Storage:Cosmos:Endpoint (keyless, with a managed identity) or SalesCoach:Storage:Cosmos:ConnectionString.";
        }

        if (hasEndpoint && hasConnectionString)
        {
            return "Set either SalesCoach:Storage:Cosmos:Endpoint or SalesCoach:Storage:Cosmos:ConnectionString, not both.";
        }

        if (!string.IsNullOrWhiteSpace(Key) && !hasEndpoint)
        {
            return "SalesCoach:Storage:Cosmos:Key goes with SalesCoach:Storage:Cosmos:Endpoint; a connection string carries its own key.";
        }

        if (AccountEndpoint() is not { } endpoint)
        {
            return hasEndpoint
                ? $"SalesCoach:Storage:Cosmos:Endpoint '{Endpoint}' is not an absolute https address, e.g. https://contoso.documents.azure.com:443/."
                : "SalesCoach:Storage:Cosmos:ConnectionString has no valid AccountEndpoint=https://…;.";
        }

        if (endpoint.Scheme != Uri.UriSchemeHttps)
        {
            return $"The Cosmos DB endpoint {endpoint} must use https.";
        }

        // The SDK honours this flag for any endpoint; only the local test server may have a self-signed certificate.
        if (hasConnectionString && !IsLoopback()
            && ConnectionString!.Contains("DisableServerCertificateValidation", StringComparison.OrdinalIgnoreCase))
        {
            return "SalesCoach:Storage:Cosmos:ConnectionString turns off certificate validation, which is allowed only for a local (loopback) endpoint.";
        }

        return null;
    }
}
