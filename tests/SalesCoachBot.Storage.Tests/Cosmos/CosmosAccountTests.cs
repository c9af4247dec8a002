using System.Diagnostics.Metrics;
using Azure.Core;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Storage.Cosmos;
using SalesCoachBot.Storage.Tests.Contract;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Storage.Tests.Cosmos;

/// <summary>How the Cosmos store signs in, what it creates, what it costs, and how it repairs its schedule.</summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosAccountTests(CosmosServerFixture cosmos) : IAsyncLifetime
{
    private static readonly DateTimeOffset _now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly List<CosmosStores> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var stores in _stores)
        {
            await stores.DisposeAsync();
        }
    }

    private CosmosStores Stores(IDictionary<string, string?>? settings = null, string? database = null, TimeProvider? time = null)
    {
        var stores = new CosmosStores(cosmos.Server, database ?? CosmosServerFixture.NewDatabaseName(), settings, time: time);
        _stores.Add(stores);
        return stores;
    }

    private static Deal NewDeal(string owner, string id, DateTimeOffset? dueAt = null) =>
        StoreContractTests.NewDeal("t1", owner, id, "Deal " + id) with { Reminder = new SalesCoachBot.Core.Reminders.ReminderState { DueAt = dueAt } };

    [Theory]
    [InlineData(null, null, null, "set SalesCoach:Storage:Cosmos:Endpoint")]
    [InlineData("https://contoso.documents.azure.com:443/", "AccountEndpoint=https://contoso.documents.azure.com:443/;AccountKey=x;", null, "not both")]
    [InlineData(null, "AccountEndpoint=https://contoso.documents.azure.com:443/;AccountKey=x;", "key", "Key goes with")]
    [InlineData("contoso.documents.azure.com", null, null, "not an absolute https address")]
    [InlineData("http://contoso.documents.azure.com/", null, null, "must use https")]
    [InlineData(null, "AccountEndpoint=https://contoso.documents.azure.com:443/;AccountKey=x;DisableServerCertificateValidation=True;", null, "only for a local (loopback) endpoint")]
    public void Incomplete_settings_stop_the_start_with_a_message_saying_what_to_set(string? endpoint, string? connectionString, string? key, string expected)
    {
        var options = new CosmosStorageOptions { Endpoint = endpoint, ConnectionString = connectionString, Key = key };

        var problem = options.Problem();

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_refuses_to_start_on_cosmos_without_an_account()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SalesCoach:Storage:Provider"] = "Cosmos" }).Build());
        services.AddSalesCoachStorage();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("SalesCoach:Storage:Cosmos:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SalesCoach:Storage:Sqlite:BusyTimeoutSeconds", "0", "BusyTimeoutSeconds must be between 1 and 4")]
    [InlineData("SalesCoach:Storage:Cosmos:MaxRetryWaitOnThrottling", "00:10:00", "MaxRetryWaitOnThrottling must be between")]
    [InlineData("SalesCoach:Storage:Cosmos:MaxRetryWaitOnThrottling", "00:00:10", "MaxRetryWaitOnThrottling must be between 00:00:01 and 00:00:04 (a turn has 8 s")]
    [InlineData("SalesCoach:Storage:Cosmos:RequestTimeout", "00:01:05", "RequestTimeout must be between 00:00:01 and 00:00:04")]
    [InlineData("SalesCoach:Storage:Cosmos:MaxRetryAttemptsOnThrottling", "99", "MaxRetryAttemptsOnThrottling must be between 0 and 30")]
    public void A_storage_setting_out_of_range_stops_the_start_naming_it(string key, string value, string expected)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build());
        services.AddSalesCoachStorage();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_only_an_endpoint_the_store_signs_in_with_a_token_for_the_account()
    {
        var credential = new RecordingCredential();
        var settings = new Dictionary<string, string?>
        {
            ["SalesCoach:Storage:Cosmos:ConnectionString"] = null,
            ["SalesCoach:Storage:Cosmos:Endpoint"] = cosmos.Server.Endpoint.ToString(),
        };
        var stores = new CosmosStores(cosmos.Server, CosmosServerFixture.NewDatabaseName(), settings, credential);
        _stores.Add(stores);

        await stores.Deals.SaveAsync(NewDeal("dana", "d1"), null, CancellationToken.None);

        Assert.NotNull(await stores.Deals.GetAsync(new OwnerKey("t1", "dana"), "d1", CancellationToken.None));
        // The account's own audience, as Entra ID issues data-plane tokens for it (no key is ever sent).
        Assert.Contains($"https://{cosmos.Server.Endpoint.Host}/.default", credential.Scopes);
    }

    [Fact]
    public void A_self_signed_certificate_is_accepted_for_a_loopback_endpoint_only()
    {
        var local = new CosmosStorageOptions { ConnectionString = cosmos.Server.ConnectionString };
        var remote = new CosmosStorageOptions { Endpoint = "https://contoso.documents.azure.com:443/" };
        var lookalike = new CosmosStorageOptions { Endpoint = "https://127.0.0.1.contoso.example/" };

        Assert.True(local.IsLoopback());
        Assert.False(remote.IsLoopback());
        Assert.False(lookalike.IsLoopback());
        var client = Stores().Account.Client;
        Assert.NotNull(client.ClientOptions.HttpClientFactory);
        Assert.Equal(ConnectionMode.Gateway, client.ClientOptions.ConnectionMode);
        Assert.True(client.ClientOptions.LimitToEndpoint);
        Assert.Null(new CosmosStorageOptions { ConnectionString = cosmos.Server.ConnectionString + "DisableServerCertificateValidation=True;" }.Problem());
    }

    [Fact]
    public async Task A_remote_account_gets_the_platforms_certificate_checks_and_direct_connections()
    {
        var options = Options.Create(new StorageOptions { Provider = StorageProvider.Cosmos, Cosmos = new CosmosStorageOptions { Endpoint = "https://contoso.documents.azure.com:443/" } });
        await using var account = new CosmosAccount(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<CosmosAccount>.Instance, TimeProvider.System, new RecordingCredential());

        Assert.Null(account.Client.ClientOptions.HttpClientFactory);
        Assert.Equal(ConnectionMode.Direct, account.Client.ClientOptions.ConnectionMode);
        Assert.False(account.Client.ClientOptions.LimitToEndpoint);
    }

    [Fact]
    public async Task A_misnamed_container_is_an_error_and_unhealthy_not_an_empty_pipeline()
    {
        var database = CosmosServerFixture.NewDatabaseName();
        await Stores(database: database).Deals.GetAsync(new OwnerKey("t1", "dana"), "none", CancellationToken.None);
        var misnamed = Stores(new Dictionary<string, string?>
        {
            ["SalesCoach:Storage:Cosmos:CreateIfMissing"] = "false",
            ["SalesCoach:Storage:Cosmos:DealsContainer"] = "deal",
        }, database);

        var error = await Assert.ThrowsAsync<CosmosException>(() => misnamed.Deals.GetAsync(new OwnerKey("t1", "dana"), "d1", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.NotEqual(0, error.SubStatusCode);
        Assert.False(await misnamed.Health.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_store_creates_its_containers_with_their_partition_keys_and_indexes()
    {
        var stores = Stores();

        await stores.Deals.GetAsync(new OwnerKey("t1", "dana"), "none", CancellationToken.None);

        var database = stores.Account.Client.GetDatabase(stores.Account.DatabaseName);
        foreach (var expected in CosmosAccount.Layout(new CosmosStorageOptions()))
        {
            var created = (await database.GetContainer(expected.Id).ReadContainerAsync()).Resource;
            Assert.Equal(expected.PartitionKeyPath, created.PartitionKeyPath);
            Assert.Equal(expected.IndexingPolicy.IncludedPaths.Select(p => p.Path), created.IndexingPolicy.IncludedPaths.Select(p => p.Path));
            Assert.Equal(["/*"], created.IndexingPolicy.ExcludedPaths.Select(p => p.Path));
        }
    }

    [Fact]
    public async Task With_creation_off_a_missing_database_is_reported_unhealthy_not_created()
    {
        var stores = Stores(new Dictionary<string, string?> { ["SalesCoach:Storage:Cosmos:CreateIfMissing"] = "false" });

        Assert.False(await stores.Health.IsHealthyAsync(CancellationToken.None));
        var databases = stores.Account.Client.GetDatabaseQueryIterator<DatabaseProperties>();
        var names = new List<string>();
        while (databases.HasMoreResults)
        {
            names.AddRange((await databases.ReadNextAsync()).Select(d => d.Id));
        }

        Assert.DoesNotContain(stores.Account.DatabaseName, names);
    }

    [Fact]
    public async Task A_healthy_account_is_reported_healthy()
    {
        Assert.True(await Stores().Health.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Every_operation_adds_its_request_charge_to_the_metric_by_container()
    {
        var stores = Stores();
        var (_, charges) = await ChargesOfAsync(async () =>
        {
            await stores.Deals.SaveAsync(NewDeal("dana", "d1"), null, CancellationToken.None);
            return await stores.Deals.ListAsync(new OwnerKey("t1", "dana"), includeClosed: false, CancellationToken.None);
        });

        Assert.Contains(charges, c => c.Container == "deals" && c.Operation == "create" && c.Value > 0);
        Assert.Contains(charges, c => c.Container == "deals" && c.Operation == "list" && c.Value > 0);
    }

    [Fact]
    public async Task A_sweep_reads_the_due_deals_by_point_reads_and_never_scans_the_rest()
    {
        var stores = Stores();
        for (var i = 0; i < 100; i++)
        {
            var dueAt = i % 33 == 0 ? _now.AddMinutes(-i) : _now.AddDays(10);
            await stores.Deals.SaveAsync(NewDeal($"rep{i % 7}", $"d{i}", dueAt), null, CancellationToken.None);
        }

        var (due, charges) = await ChargesOfAsync(() => stores.Schedule.ListDueAsync(_now, 100, CancellationToken.None));

        Assert.Equal(["d99", "d66", "d33", "d0"], due.Select(d => d.Id));
        var onDeals = charges.Where(c => c.Container == "deals").ToList();
        Assert.Equal(4, onDeals.Count);
        Assert.All(onDeals, c => Assert.Equal("read", c.Operation));
        Assert.All(charges.Where(c => c.Container == "schedule"), c => Assert.Equal("query-due", c.Operation));
    }

    [Fact]
    public async Task A_sweep_takes_the_earliest_due_deals_up_to_its_limit()
    {
        var stores = Stores();
        for (var i = 0; i < 5; i++)
        {
            await stores.Deals.SaveAsync(NewDeal("dana", $"d{i}", _now.AddMinutes(-10 * i)), null, CancellationToken.None);
        }

        var due = await stores.Schedule.ListDueAsync(_now, 2, CancellationToken.None);

        Assert.Equal(["d4", "d3"], due.Select(d => d.Id));
    }

    [Fact]
    public async Task A_sweep_between_a_writers_schedule_entry_and_its_deal_loses_no_reminder()
    {
        // A parked deal comes back due (its rep wrote again): the writer has set the entry but not yet saved the deal
        // when another instance sweeps. The sweep must leave the entry, so the deal is reminded once it is saved.
        var time = new FakeTimeProvider(_now);
        var stores = Stores(time: time);
        var parked = NewDeal("dana", "parked", _now.AddDays(-1)) with { Reminder = new SalesCoachBot.Core.Reminders.ReminderState { DueAt = _now.AddDays(-1), Parked = true } };
        var saved = (await stores.Deals.SaveAsync(parked, null, CancellationToken.None)).Saved!;
        var account = stores.Account;
        var schedule = new CosmosSchedule(account, stores.Services.GetRequiredService<CosmosRequestCharges>(), time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var owner = new OwnerKey("t1", "dana");

        await schedule.LowerAsync(ScheduleKind.Deal, "t1|dana", "t1|dana|parked", _now.AddDays(-1), CancellationToken.None);
        var sweptMeanwhile = await stores.Schedule.ListDueAsync(_now, 10, CancellationToken.None);
        await stores.Deals.SaveAsync(saved with { Reminder = saved.Reminder with { Parked = false } }, saved.ETag, CancellationToken.None);
        var sweptAfter = await stores.Schedule.ListDueAsync(_now, 10, CancellationToken.None);

        Assert.Empty(sweptMeanwhile);
        Assert.Equal(["parked"], sweptAfter.Select(d => d.Id));
        Assert.NotNull(await stores.Deals.GetAsync(owner, "parked", CancellationToken.None));
    }

    [Fact]
    public async Task A_deal_closed_or_moved_on_after_its_entry_was_written_is_not_reminded_and_its_entry_is_put_right_once_settled()
    {
        var stores = Stores(time: new FakeTimeProvider(_now));
        var owner = new OwnerKey("t1", "dana");
        var closing = (await stores.Deals.SaveAsync(NewDeal("dana", "closing", _now.AddHours(-1)), null, CancellationToken.None)).Saved!;
        var moving = (await stores.Deals.SaveAsync(NewDeal("dana", "moving", _now.AddHours(-1)), null, CancellationToken.None)).Saved!;
        // Won with no dated follow-up: nothing left to remind (a won deal's dated follow-up is reminded like a next step).
        await stores.Deals.SaveAsync(closing with { Status = DealStatus.Won, NextStep = null }, closing.ETag, CancellationToken.None);
        await stores.Deals.SaveAsync(moving with { Reminder = moving.Reminder with { DueAt = _now.AddDays(3) } }, moving.ETag, CancellationToken.None);

        var due = await stores.Schedule.ListDueAsync(_now, 10, CancellationToken.None);
        var entriesRightAfter = await CountScheduleEntriesAsync(stores);
        var later = await stores.Schedule.ListDueAsync(_now.AddDays(3), 10, CancellationToken.None);

        Assert.Empty(due);
        Assert.Equal(2, entriesRightAfter);
        Assert.Equal(["moving"], later.Select(d => d.Id));
        Assert.Equal(1, await CountScheduleEntriesAsync(stores));
        Assert.NotNull(await stores.Deals.GetAsync(owner, "closing", CancellationToken.None));
    }

    private static async Task<(T Result, List<(double Value, string Container, string Operation)> Charges)> ChargesOfAsync<T>(Func<Task<T>> operation)
    {
        var charges = new List<(double Value, string Container, string Operation)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CosmosRequestCharges.MeterName && instrument.Name == CosmosRequestCharges.InstrumentName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var t = tags.ToArray().ToDictionary(k => k.Key, k => k.Value?.ToString());
            lock (charges)
            {
                charges.Add((value, t["container"]!, t["operation"]!));
            }
        });
        listener.Start();
        var result = await operation();
        return (result, charges);
    }

    private static async Task<int> CountScheduleEntriesAsync(CosmosStores stores)
    {
        var container = stores.Account.Client.GetContainer(stores.Account.DatabaseName, "schedule");
        using var iterator = container.GetItemQueryIterator<int>("SELECT VALUE COUNT(1) FROM c");
        var count = 0;
        while (iterator.HasMoreResults)
        {
            count += (await iterator.ReadNextAsync()).Sum();
        }

        return count;
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken("test-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
