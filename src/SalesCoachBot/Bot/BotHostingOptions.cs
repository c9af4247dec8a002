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
    /// How long a call to the Teams connector (a reply, a member look-up, a proactive message) may take before it is
    /// given up. Teams waits 15 s for a turn; a store write takes at most about 4 s (docs/storage.md), so 5 s for the
    /// reply keeps every turn within 10 s. The connector normally answers in well under a second.
    /// </summary>
    [Range(1, 10, ErrorMessage = "SalesCoach:Bot:ConnectorTimeoutSeconds must be between 1 and 10 (a turn must answer within Teams' 15 s).")]
    public int ConnectorTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// How long a turn may take before the bot stops waiting for the store (Cosmos DB throttled or unreachable retries
    /// for longer) and says so. With the reply's <see cref="ConnectorTimeoutSeconds"/> after it, Teams' 15 s still holds.
    /// Above 10, Teams gives up before the bot does; the range allows it for hosts far slower than production (tests
    /// on a loaded build machine).
    /// </summary>
    [Range(2, 60, ErrorMessage = "SalesCoach:Bot:TurnTimeoutSeconds must be between 2 and 60 (8, the default, answers within Teams' 15 s).")]
    public int TurnTimeoutSeconds { get; set; } = 8;

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
