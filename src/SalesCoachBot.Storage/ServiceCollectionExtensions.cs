using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Storage.Cosmos;
using SalesCoachBot.Storage.Sqlite;

namespace SalesCoachBot.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the store chosen by <c>SalesCoach:Storage:Provider</c>: the embedded SQLite file (default) or Azure Cosmos DB.</summary>
    public static IServiceCollection AddSalesCoachStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value.Sqlite;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new SqliteDatabase(Path.Combine(root, options.Path), options.BusyTimeoutSeconds);
        });
        services.AddSingleton<SqliteDealStore>();
        services.AddSingleton<SqliteUserProfileStore>();
        services.AddSingleton<SqliteStoreHealth>();

        // One CosmosClient for the app, as the SDK asks: it holds the connections and the address caches.
        services.AddHttpClient(CosmosAccount.LoopbackHttpClient).ConfigurePrimaryHttpMessageHandler(CosmosAccount.LoopbackHandler);
        services.AddSingleton<CosmosAccount>();
        services.AddSingleton<CosmosRequestCharges>();
        services.AddSingleton<CosmosDealStore>();
        services.AddSingleton<CosmosUserProfileStore>();
        services.AddSingleton<CosmosStoreHealth>();
        services.AddHostedService<CosmosStartup>();

        services.AddSingleton<IDealStore>(sp => Pick<IDealStore, SqliteDealStore, CosmosDealStore>(sp));
        services.AddSingleton<IReminderSchedule>(sp => Pick<IReminderSchedule, SqliteDealStore, CosmosDealStore>(sp));
        services.AddSingleton<IUserProfileStore>(sp => Pick<IUserProfileStore, SqliteUserProfileStore, CosmosUserProfileStore>(sp));
        services.AddSingleton<StoreFaultMemory>();
        services.AddSingleton<IStoreHealth>(sp => new RememberingStoreHealth(
            Pick<IStoreHealth, SqliteStoreHealth, CosmosStoreHealth>(sp), sp.GetRequiredService<StoreFaultMemory>()));
        return services;
    }

    private static TService Pick<TService, TSqlite, TCosmos>(IServiceProvider services)
        where TSqlite : TService
        where TCosmos : TService
        where TService : notnull =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Cosmos
            ? services.GetRequiredService<TCosmos>()
            : services.GetRequiredService<TSqlite>();

    /// <summary>
    /// Checks both stores' settings (their annotated ranges) and, with Cosmos chosen, says exactly what is missing,
    /// at start-up rather than on the first message. One bound object holds them all.
    /// </summary>
    private sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var errors = new List<ValidationResult>();
            Validator.TryValidateObject(options.Sqlite, new ValidationContext(options.Sqlite), errors, validateAllProperties: true);
            Validator.TryValidateObject(options.Cosmos, new ValidationContext(options.Cosmos), errors, validateAllProperties: true);
            var failures = errors.Select(e => e.ErrorMessage ?? "Invalid storage setting.").ToList();
            if (options.Provider == StorageProvider.Cosmos && options.Cosmos.Problem() is { } problem)
            {
                failures.Add(problem);
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
