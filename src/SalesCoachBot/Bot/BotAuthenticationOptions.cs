using Microsoft.Extensions.Options;

namespace SalesCoachBot.Bot;

/// <summary>
/// The standard Bot Framework settings, bound from the configuration root (the names Azure Bot Service and the
/// Teams Toolkit use). The SDK reads them itself; they are bound here too so a wrong combination stops start-up
/// with a message, instead of surfacing as a 401 or a failed reply on the first message.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>No app id: Bot Framework authentication is off (local use only).</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The app type in force: the SDK treats an empty one as MultiTenant.</summary>
    public string EffectiveAppType =>
        string.IsNullOrWhiteSpace(MicrosoftAppType) ? MultiTenant
        : string.Equals(MicrosoftAppType, SingleTenant, StringComparison.OrdinalIgnoreCase) ? SingleTenant
        : string.Equals(MicrosoftAppType, UserAssignedMsi, StringComparison.OrdinalIgnoreCase) ? UserAssignedMsi
        : string.Equals(MicrosoftAppType, MultiTenant, StringComparison.OrdinalIgnoreCase) ? MultiTenant
        : MicrosoftAppType;

    public bool IsSingleTenant => !IsAnonymous && EffectiveAppType == SingleTenant;
}

/// <summary>
/// Checks the Bot Framework settings together with the environment: anonymous mode is for local use, so it is
/// refused in Production unless <see cref="BotHostingOptions.AllowAnonymousInProduction"/> says it is deliberate.
/// </summary>
internal sealed class BotAuthenticationOptionsValidator(IHostEnvironment environment, IOptions<BotHostingOptions> hosting)
    : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var appType = options.EffectiveAppType;
        var typeGiven = !string.IsNullOrWhiteSpace(options.MicrosoftAppType);

        if (appType is not (BotAuthenticationOptions.MultiTenant or BotAuthenticationOptions.SingleTenant or BotAuthenticationOptions.UserAssignedMsi))
        {
            problems.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is not known: use MultiTenant, SingleTenant or UserAssignedMSI (as in the bot's Azure registration).");
        }

        if (options.IsAnonymous)
        {
            if (typeGiven)
            {
                problems.Add($"MicrosoftAppType is {options.MicrosoftAppType} but MicrosoftAppId is empty: set MicrosoftAppId to the bot's Microsoft app id, or clear MicrosoftAppType to run anonymous for local use.");
            }

            if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                problems.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty: set MicrosoftAppId too, or remove the password.");
            }

            if (!typeGiven && environment.IsProduction() && !hosting.Value.AllowAnonymousInProduction)
            {
                problems.Add(
                    "No MicrosoftAppId in the Production environment: the bot would run ANONYMOUS and accept messages from anyone. "
                    + "Set MicrosoftAppType and MicrosoftAppId (and MicrosoftAppPassword or a managed identity), "
                    + $"or set {BotHostingOptions.Section}:{nameof(BotHostingOptions.AllowAnonymousInProduction)}=true if that is deliberate.");
            }
        }
        else if (appType == BotAuthenticationOptions.UserAssignedMsi)
        {
            RequireTenant(options, appType, problems);
            if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                problems.Add("MicrosoftAppPassword must be empty with MicrosoftAppType=UserAssignedMSI (the managed identity has no secret): remove it.");
            }
        }
        else if (appType is BotAuthenticationOptions.SingleTenant or BotAuthenticationOptions.MultiTenant)
        {
            if (appType == BotAuthenticationOptions.SingleTenant)
            {
                RequireTenant(options, appType, problems);
            }

            if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                problems.Add(
                    $"MicrosoftAppPassword is empty with MicrosoftAppType={appType}: the bot could not send replies. Give the app's client secret "
                    + "through the environment (MicrosoftAppPassword), user secrets or Key Vault, never in a file in the repository.");
            }
        }

        var allowed = hosting.Value.AllowedTenants;
        if (options.IsSingleTenant && allowed.Count > 0 && !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId)
            && !allowed.Contains(options.MicrosoftAppTenantId, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(
                $"{BotHostingOptions.Section}:{nameof(BotHostingOptions.AllowedTenants)} does not include MicrosoftAppTenantId {options.MicrosoftAppTenantId}: "
                + "a SingleTenant bot serves only its own tenant, so nobody could use it. Add it, or empty the list.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void RequireTenant(BotAuthenticationOptions options, string appType, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            problems.Add($"MicrosoftAppTenantId is required with MicrosoftAppType={appType}: set it to the id of the Entra tenant the bot is registered in.");
        }
    }
}
