using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Bot;

/// <summary>Bound from <c>SalesCoach:Bot</c>.</summary>
public sealed class BotHostingOptions
{
    public const string Section = "SalesCoach:Bot";

    /// <summary>Largest request /api/messages accepts. Teams activities are a few KB; anything far larger is refused with 413.</summary>
    [Range(4096, 4 * 1024 * 1024, ErrorMessage = "SalesCoach:Bot:MaxRequestBytes must be between 4096 and 4194304.")]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Anonymous mode (no MicrosoftAppId) accepts messages from anyone, so the bot refuses to start with it in the
    /// Production environment unless this is true (e.g. a demo behind a private network).
    /// </summary>
    public bool AllowAnonymousInProduction { get; set; }

    /// <summary>
    /// Entra tenant ids whose users may use the bot. Empty: every tenant (a SingleTenant bot still serves only
    /// MicrosoftAppTenantId). Activities from other tenants are ignored and logged.
    /// </summary>
    public IList<string> AllowedTenants { get; } = [];
}
