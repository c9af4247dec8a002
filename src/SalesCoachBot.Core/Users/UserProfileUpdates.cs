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
        var update = await OptimisticUpdate.ApplyAsync(
            ct => store.GetAsync(user, ct), change, store.TrySaveAsync, MaxAttempts, cancellationToken).ConfigureAwait(false);
        return update.Status != OptimisticUpdateStatus.GaveUp;
    }

    /// <summary>
    /// <see cref="IUserProfileStore.SaveAsync"/> in the shape <see cref="OptimisticUpdate"/> takes: the profile as
    /// written, or null when another writer got there first.
    /// </summary>
    public static async Task<UserProfile?> TrySaveAsync(this IUserProfileStore store, UserProfile profile, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.SaveAsync(profile, expectedETag, cancellationToken).ConfigureAwait(false) ? profile : null;
    }

    /// <summary>Teams refused the bot in this user's chat (403): stop writing there until they come back.</summary>
    public static Task<bool> MarkUnreachableAsync(this IUserProfileStore store, OwnerKey user, CancellationToken cancellationToken) =>
        store.UpdateAsync(user, current => current is { ConversationActive: true } ? current with { ConversationActive = false } : null, cancellationToken);
}
