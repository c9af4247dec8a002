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
        services.AddSingleton<Reminders.ManagerLookup>();
        services.AddSingleton<Reminders.ReminderClaims>();
        services.AddSingleton<Reminders.DigestSender>();
        services.AddSingleton<Reminders.ReminderSweeper>();
        services.AddSingleton<Reminders.UserArrivals>();
        services.AddSingleton<Insights.TeamReader>();
        services.AddOptions<Reminders.ManagerMappingOptions>()
            .BindConfiguration(Reminders.ManagerMappingOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<Reminders.ManagerMappingOptions>>(new ManagerMappingValidator(contentRoot));
        services.AddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IOptions<Reminders.ManagerMappingOptions>>().Value.File;
            return string.IsNullOrWhiteSpace(file)
                ? Reminders.ManagerMapping.Empty
                : Reminders.ManagerMapping.Load(ProcessFileValidator.ResolvePath(contentRoot, file));
        });
        services.AddOptions<Insights.TargetsOptions>()
            .BindConfiguration(Insights.TargetsOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<Insights.TargetsOptions>>(new TargetsFileValidator(contentRoot));
        services.AddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IOptions<Insights.TargetsOptions>>().Value.File;
            return string.IsNullOrWhiteSpace(file)
                ? Insights.TargetsFile.Empty
                : Insights.TargetsFile.Load(ProcessFileValidator.ResolvePath(contentRoot, file));
        });
        services.AddSingleton<Insights.Expectations>();
        return services;
    }
}

/// <summary>Loads the manager mapping file at start-up, so each problem in it stops the host with the file and path.</summary>
internal sealed class ManagerMappingValidator(string contentRoot) : IValidateOptions<Reminders.ManagerMappingOptions>
{
    public ValidateOptionsResult Validate(string? name, Reminders.ManagerMappingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.File))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            Reminders.ManagerMapping.Load(ProcessFileValidator.ResolvePath(contentRoot, options.File));
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail("SalesCoach:Managers:File: " + ex.Message);
        }
    }
}

/// <summary>Loads the admin's targets file at start-up, so each problem in it stops the host with the file and the field.</summary>
internal sealed class TargetsFileValidator(string contentRoot) : IValidateOptions<Insights.TargetsOptions>
{
    public ValidateOptionsResult Validate(string? name, Insights.TargetsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.File))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            Insights.TargetsFile.Load(ProcessFileValidator.ResolvePath(contentRoot, options.File));
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail("SalesCoach:Targets:File: " + ex.Message);
        }
    }
}
