using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Storage.Cosmos;

/// <summary>
/// The app's one <see cref="CosmosClient"/> and its containers, created (when allowed) on first use. The container
/// layout, partition keys and indexing policies are defined here and nowhere else in code; infra/ provisions the same.
/// </summary>
public sealed class CosmosAccount : IAsyncDisposable
{
    private readonly CosmosStorageOptions _options;
    private readonly ILogger<CosmosAccount> _logger;
    private readonly SemaphoreSlim _ensureLock = new(1, 1);
    private readonly TimeProvider _time;
    private volatile bool _ensured;
    private (DateTimeOffset At, Exception Error)? _lastFailure;

    /// <summary>After a failed creation, requests fail fast for this long instead of each queueing behind another try.</summary>
    public static readonly TimeSpan CreationRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>The named HttpClient (IHttpClientFactory) the client uses for a local, loopback server; tests put fault injection in it.</summary>
    public const string LoopbackHttpClient = "SalesCoach.Cosmos.Loopback";

    public CosmosAccount(IOptions<StorageOptions> options, ILogger<CosmosAccount> logger, TimeProvider time, TokenCredential? credential = null, IHttpClientFactory? httpClients = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Cosmos;
        _logger = logger;
        _time = time;
        Client = CreateClient(_options, credential, httpClients, logger);
        var database = Client.GetDatabase(_options.Database);
        Deals = database.GetContainer(_options.DealsContainer);
        Users = database.GetContainer(_options.UsersContainer);
        Schedule = database.GetContainer(_options.ScheduleContainer);
    }

    public CosmosClient Client { get; }

    public string DatabaseName => _options.Database;

    internal Container Deals { get; }

    internal Container Users { get; }

    internal Container Schedule { get; }

    /// <summary>The containers as infra/ provisions them: partition key path and the paths queries use.</summary>
    public static IReadOnlyList<ContainerProperties> Layout(CosmosStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            Container(options.DealsContainer, "/pk", ["/pk/?", "/status/?"]),
            Container(options.UsersContainer, "/tenantId", ["/tenantId/?"]),
            Container(options.ScheduleContainer, "/id", ["/kind/?", "/dueAt/?"], compositeIndex: ["/kind", "/dueAt"]),
        ];
    }

    /// <summary>Creates the database and containers when missing (once per process); a failure is retried on the next call.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_ensured || !_options.CreateIfMissing)
        {
            return;
        }

        await _ensureLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ensured)
            {
                return;
            }

            if (_lastFailure is { } failure && _time.GetUtcNow() - failure.At < CreationRetryDelay)
            {
                throw new InvalidOperationException("The Cosmos DB database and containers could not be created a moment ago; trying again shortly.", failure.Error);
            }

            var database = (await Client.CreateDatabaseIfNotExistsAsync(_options.Database, cancellationToken: cancellationToken).ConfigureAwait(false)).Database;
            foreach (var container in Layout(_options))
            {
                var response = await database.CreateContainerIfNotExistsAsync(container, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == System.Net.HttpStatusCode.Created)
                {
                    _logger.LogInformation("Created Cosmos DB container {Container} (partition key {PartitionKey}) in {Database}", container.Id, container.PartitionKeyPath, _options.Database);
                }
            }

            _ensured = true;
            _lastFailure = null;
        }
        catch (Exception e) when (e is CosmosException or HttpRequestException or Azure.Identity.AuthenticationFailedException)
        {
            _lastFailure = (_time.GetUtcNow(), e);
            _logger.LogError(e, "Could not create the Cosmos DB database {Database} and its containers", _options.Database);
            throw;
        }
        finally
        {
            _ensureLock.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        _ensureLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ContainerProperties Container(string id, string partitionKeyPath, string[] indexedPaths, string[]? compositeIndex = null)
    {
        var properties = new ContainerProperties(id, partitionKeyPath)
        {
            IndexingPolicy = new IndexingPolicy { Automatic = true, IndexingMode = IndexingMode.Consistent },
        };

        // Index only what queries filter or sort on; every other write costs fewer RUs.
        foreach (var path in indexedPaths)
        {
            properties.IndexingPolicy.IncludedPaths.Add(new IncludedPath { Path = path });
        }

        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        if (compositeIndex is not null)
        {
            // A filter on one path ordered by another is served best by a composite index of the two.
            properties.IndexingPolicy.CompositeIndexes.Add([.. compositeIndex.Select(p => new CompositePath { Path = p, Order = CompositePathSortOrder.Ascending })]);
        }

        return properties;
    }

    private static CosmosClient CreateClient(CosmosStorageOptions options, TokenCredential? credential, IHttpClientFactory? httpClients, ILogger logger)
    {
        if (options.Problem() is { } problem)
        {
            throw new OptionsValidationException(CosmosStorageOptions.Section, typeof(CosmosStorageOptions), [problem]);
        }

        var loopback = options.IsLoopback();
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "SalesCoachBot",
            UseSystemTextJsonSerializerWithOptions = StoredJson.Options,
            // A local test server has no replicas to reach directly; it is also the only place LimitToEndpoint is right.
            ConnectionMode = loopback || options.ConnectionMode == CosmosConnectionModeOption.Gateway ? ConnectionMode.Gateway : ConnectionMode.Direct,
            LimitToEndpoint = loopback,
            // Throttling, timeouts and 503s are bounded so that a turn ends inside Teams' 15 s (CosmosStorageOptions says how).
            MaxRetryAttemptsOnRateLimitedRequests = options.MaxRetryAttemptsOnThrottling,
            MaxRetryWaitTimeOnRateLimitedRequests = options.MaxRetryWaitOnThrottling,
            RequestTimeout = options.RequestTimeout,
            CustomHandlers = { new CosmosTransientRetryHandler(options.RequestTimeout, logger) },
            // Writes return only headers (ETag, charge): the store never needs the body it just sent.
            EnableContentResponseOnWrite = false,
            ApplicationRegion = string.IsNullOrWhiteSpace(options.ApplicationRegion) ? null : options.ApplicationRegion,
        };

        if (loopback)
        {
            // The local test server's certificate is self-signed: its handler (ServiceCollectionExtensions) accepts that
            // for a loopback address only.
            clientOptions.HttpClientFactory = httpClients is not null
                ? () => httpClients.CreateClient(LoopbackHttpClient)
                : () => new HttpClient(LoopbackHandler());
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new CosmosClient(options.ConnectionString, clientOptions);
        }

        var endpoint = options.AccountEndpoint()!.ToString();
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return new CosmosClient(endpoint, options.Key, clientOptions);
        }

        credential ??= new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });
        return new CosmosClient(endpoint, credential, clientOptions);
    }

    /// <summary>
    /// The HTTP handler for a local Cosmos DB server: its self-signed certificate is accepted, and only for a loopback
    /// address, never otherwise.
    /// </summary>
    public static HttpMessageHandler LoopbackHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (request, _, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || request.RequestUri is { IsLoopback: true },
    };
}
