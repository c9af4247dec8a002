using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Core.Users;

public static class UserProfileUpdates
{
    public const int MaxAttempts = 3;

    /// <summary>
    /// Read-modify-write of a profile with its ETag, retried on a concurrent change. <paramref name="change"/> gets the
    /// stored profile (or null) and returns the new one, or null to leave it as it is. False when every attempt conflicted.
    /// </summary>
    public static async Task<bool> UpdateAsync(this IUserProfileStore store, OwnerKey user, Func<UserProfile?, UserProfile?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(user, cancellationToken).ConfigureAwait(false);
            if (change(current) is not { } updated)
            {
                return true;
            }

            if (await store.SaveAsync(updated, current?.ETag, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Teams refused the bot in this user's chat (403): stop writing there until they come back.</summary>
    public static Task<bool> MarkUnreachableAsync(this IUserProfileStore store, OwnerKey user, CancellationToken cancellationToken) =>
        store.UpdateAsync(user, current => current is { ConversationActive: true } ? current with { ConversationActive = false } : null, cancellationToken);
}
