using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Storage.Cosmos;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Storage.Tests.Cosmos;

/// <summary>
/// The Cosmos stores as the app wires them (AddSalesCoachStorage with Provider=Cosmos), on a database of their own.
/// Each instance is a separate CosmosClient: two of them over one database are two app instances.
/// </summary>
public sealed class CosmosStores : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CosmosStores(CosmosTestServer server, string database, IDictionary<string, string?>? settings = null, Azure.Core.TokenCredential? credential = null, TimeProvider? time = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["SalesCoach:Storage:Provider"] = "Cosmos",
            ["SalesCoach:Storage:Cosmos:ConnectionString"] = server.ConnectionString,
            ["SalesCoach:Storage:Cosmos:Database"] = database,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddSingleton<IHostEnvironment>(new TestEnvironment());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSalesCoachStorage();
        if (credential is not null)
        {
            services.AddSingleton(credential);
        }

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IServiceProvider Services => _services;

    public IDealStore Deals => _services.GetRequiredService<IDealStore>();

    public IReminderSchedule Schedule => _services.GetRequiredService<IReminderSchedule>();

    public IUserProfileStore Users => _services.GetRequiredService<IUserProfileStore>();

    public IStoreHealth Health => _services.GetRequiredService<IStoreHealth>();

    public CosmosAccount Account => _services.GetRequiredService<CosmosAccount>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "SalesCoachBot.Storage.Tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
