using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The domain services. <paramref name="contentRoot"/> resolves a relative process file path.
    /// The process file is loaded and validated when the host starts: a broken file stops start-up with every problem listed.
    /// </summary>
    public static IServiceCollection AddSalesCoachCore(this IServiceCollection services, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ProcessOptions>()
            .BindConfiguration(ProcessOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProcessOptions>>(new ProcessFileValidator(contentRoot));
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<ProcessOptions>>().Value.Path;
            return string.IsNullOrWhiteSpace(path)
                ? ProcessLoader.LoadDefault()
                : ProcessLoader.LoadFile(ProcessFileValidator.ResolvePath(contentRoot, path));
        });
        services.AddSingleton<DealUpdater>();
        services.AddOptions<Reminders.ReminderOptions>()
            .BindConfiguration(Reminders.ReminderOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Reminders.ReminderSweeper>();
        return services;
    }
}
