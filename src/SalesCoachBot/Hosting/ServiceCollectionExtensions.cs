using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using SalesCoachBot.Bot;
using SalesCoachBot.Coaching;
using SalesCoachBot.Conversation;
using SalesCoachBot.Deals;
using SalesCoachBot.Help;
using SalesCoachBot.Insights;
using SalesCoachBot.Playbook;
using SalesCoachBot.Reminders;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>The Bot Framework adapter, the activity handler and the command handlers.</summary>
    public static IServiceCollection AddSalesCoachBot(this IServiceCollection services)
    {
        services.AddOptions<BotHostingOptions>()
            .BindConfiguration(BotHostingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PublicAddressOptions>()
            .BindConfiguration(PublicAddressOptions.Section)
            .ValidateOnStart();
        services.AddHttpClient();
        ConnectorHttpClient.Configure(services);

        // Azure App Service terminates TLS in front of the app: the original scheme comes in X-Forwarded-Proto,
        // and links the bot puts on cards (the process map picture) must be https.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });

        // Standard Bot Framework settings (MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId),
        // checked together at start-up; with none set, the bot runs anonymous for local use (never silently in Production).
        services.AddOptions<BotAuthenticationOptions>()
            .BindConfiguration(string.Empty)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.AddHostedService<AnonymousModeNotice>();
        services.AddSingleton<BotFrameworkAuthentication, ConfiguredBotAuthentication>();

        // CloudAdapter's constructors are ambiguous to DI: build it here.
        services.AddSingleton(sp =>
        {
            var adapter = new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), new RefusedRequestLogFilter(sp.GetRequiredService<ILogger<CloudAdapter>>()));
            // Order matters: measure everything, normalise the activity once (tenant case, name lengths), then refuse
            // foreign tenants before anything is read or stored.
            adapter.Use(sp.GetRequiredService<TurnTelemetryMiddleware>());
            adapter.Use(new TurnBudgetMiddleware());
            adapter.Use(new ActivityNormalizationMiddleware());
            adapter.Use(sp.GetRequiredService<TenantGuardMiddleware>());
            adapter.Use(sp.GetRequiredService<DuplicateActivityMiddleware>());
            adapter.OnTurnError = sp.GetRequiredService<TurnFailures>().OnTurnErrorAsync;
            return adapter;
        });
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        services.AddSingleton<DuplicateActivityMiddleware>();
        services.AddSingleton<RecentActivities>();
        services.AddSingleton<TenantGuardMiddleware>();
        services.AddSingleton<TurnTelemetryMiddleware>();
        services.AddSingleton<TurnFailures>();
        services.AddMetrics();
        services.AddSingleton<SalesCoachTelemetry>();
        services.AddSingleton<ConversationDirectory>();
        services.AddTransient<IBot, CoachActivityHandler>();

        services.AddHttpContextAccessor();
        services.AddSingleton<IProactiveSender, ProactiveSender>();

        // The conversation: one router, one table from each command and card verb to the feature that answers it.
        services.AddSingleton<ICommandRouter, CommandRouter>();
        services.AddSingleton(CommandTable.Build);
        services.AddSingleton<DealResolver>();

        // The features.
        services.AddSingleton<HelpCommandHandler>();
        services.AddSingleton<PipelineCommandHandler>();
        services.AddSingleton<DealCommandHandler>();
        services.AddSingleton<DealStageHandler>();
        services.AddSingleton<DealCorrectionHandler>();
        services.AddSingleton<CoachingCommandHandler>();
        services.AddSingleton<Cards.Pictures.PictureFonts>();
        services.AddSingleton<ProcessMapImage>();
        services.AddSingleton<ProcessMapPictures>();
        services.AddSingleton<PlaybookCommandHandler>();
        services.AddSingleton<ReminderCommandHandler>();
        services.AddSingleton<InsightCommandHandler>();
        services.AddSingleton<TeamTargetHandler>();
        services.AddChartsExportAndDemo();
        services.AddSingleton<ReminderNotifier>();
        services.AddSingleton<Core.Reminders.IReminderNotifier>(sp => sp.GetRequiredService<ReminderNotifier>());
        services.AddHostedService<ReminderBackgroundService>();
        return services;
    }
}
