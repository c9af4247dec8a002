using Microsoft.Extensions.Logging;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Reminders;

/// <summary>Finds the manager a rep's nudges go to.</summary>
public sealed class ManagerLookup(IUserProfileStore profiles, ManagerMapping mapping, TimeProvider time, ILogger<ManagerLookup> logger)
{
    /// <summary>
    /// The rep's manager: the one the rep named, else the admin's mapping file. A manager named in the file by object
    /// id who never talked to the bot is returned without a conversation; the notifier opens one. Null when there is
    /// none, or when the manager's chat refuses the bot.
    /// </summary>
    public async Task<UserProfile?> FindAsync(UserProfile rep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rep);
        if (rep.ManagerUserId is { } named)
        {
            var chosen = await profiles.GetAsync(new OwnerKey(rep.TenantId, named), cancellationToken).ConfigureAwait(false);
            return chosen is { ConversationActive: false } ? null : chosen;
        }

        if (mapping.ManagerOf(rep) is not { } manager)
        {
            return null;
        }

        // An Entra object id (what the README asks for) is one point read; only an email needs the tenant's profiles.
        var byId = Guid.TryParse(manager, out var objectId)
            ? await profiles.GetAsync(new OwnerKey(rep.TenantId, objectId.ToString("D")), cancellationToken).ConfigureAwait(false)
            : null;
        var known = byId ?? (await profiles.ListAsync(rep.TenantId, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(p => string.Equals(p.UserId, manager, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Email, manager, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known.ConversationActive ? known : null;
        }

        if (Guid.TryParse(manager, out _))
        {
            return new UserProfile { TenantId = rep.TenantId, UserId = manager, FirstSeen = time.GetUtcNow(), LastSeen = time.GetUtcNow() };
        }

        logger.LogWarning("The mapping file names {Manager} as manager of {RepId}, but they never talked to the bot and an email alone cannot open a chat; use their Entra object id", manager, rep.UserId);
        return null;
    }
}
