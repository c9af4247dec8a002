using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Storage.Sqlite;

namespace SalesCoachBot.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the store chosen by <c>SalesCoach:Storage:Provider</c> (SQLite by default).</summary>
    public static IServiceCollection AddSalesCoachStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider == StorageProvider.Sqlite, "SalesCoach:Storage:Provider 'Cosmos' is not available in this build yet; use 'Sqlite'.")
            .ValidateOnStart();
        services.AddOptions<SqliteStorageOptions>()
            .BindConfiguration(StorageOptions.Section + ":Sqlite")
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new SqliteDatabase(Path.Combine(root, options.Path), options.BusyTimeoutSeconds);
        });
        services.AddSingleton<SqliteDealStore>();
        services.AddSingleton<IDealStore>(sp => sp.GetRequiredService<SqliteDealStore>());
        services.AddSingleton<IReminderSchedule>(sp => sp.GetRequiredService<SqliteDealStore>());
        services.AddSingleton<IUserProfileStore, SqliteUserProfileStore>();
        services.AddSingleton<IProcessedActivityStore, SqliteProcessedActivityStore>();
        services.AddSingleton<IStoreHealth, SqliteStoreHealth>();
        return services;
    }
}
