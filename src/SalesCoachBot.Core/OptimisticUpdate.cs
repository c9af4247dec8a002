namespace SalesCoachBot.Core;

/// <summary>A stored document that carries the store's version of it, so a write can say which version it replaces.</summary>
public interface IVersioned
{
    /// <summary>The store's version when the document was read; null for one not saved yet.</summary>
    string? ETag { get; }
}

public enum OptimisticUpdateStatus
{
    /// <summary>The change was written over the version it was computed from.</summary>
    Saved,

    /// <summary>The change asked for no write (nothing to do, or a refusal): the store was left as it was.</summary>
    Unchanged,

    /// <summary>Every attempt lost to another writer; nothing of this change was written.</summary>
    GaveUp,
}

/// <param name="Status">What happened.</param>
/// <param name="Read">The document the last attempt read and changed; null when none was stored.</param>
/// <param name="Saved">The document as the store saved it (with its new version when the store gives one); null unless <see cref="OptimisticUpdateStatus.Saved"/>.</param>
public sealed record OptimisticUpdateResult<T>(OptimisticUpdateStatus Status, T? Read, T? Saved)
    where T : class;

/// <summary>
/// Read, change, write with the version read, and on a conflict start again from a fresh read, a bounded number of
/// times. Every read-modify-write of a deal or a profile goes through here, so each one keeps the same contract: a
/// change is computed from what is stored, never written over a version it did not see.
/// </summary>
public static class OptimisticUpdate
{
    /// <param name="read">Reads the current document (null when none is stored).</param>
    /// <param name="change">
    /// Pure: the new document for what was read, or null to write nothing. It may run once per attempt, each time on a
    /// fresh read, so it must not depend on anything an earlier attempt did.
    /// </param>
    /// <param name="save">Writes the document if the stored version is still the given ETag (null: must not exist yet); returns the saved document, or null on a conflict.</param>
    /// <param name="maxAttempts">How many conflicts to take before giving up.</param>
    /// <param name="cancellationToken">Cancels the reads and writes.</param>
    /// <param name="onConflict">Told the attempt number (from 1) each time a write lost to another writer; for logs.</param>
    /// <param name="alreadyRead">A version the caller already holds, changed without reading it again on the first attempt.</param>
    public static Task<OptimisticUpdateResult<T>> ApplyAsync<T>(
        Func<CancellationToken, Task<T?>> read,
        Func<T?, T?> change,
        Func<T, string?, CancellationToken, Task<T?>> save,
        int maxAttempts,
        CancellationToken cancellationToken,
        Action<int>? onConflict = null,
        T? alreadyRead = null)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(change);
        return ApplyAsync(read, (current, _) => Task.FromResult(change(current)), save, maxAttempts, cancellationToken, onConflict, alreadyRead);
    }

    /// <summary>
    /// The same, for a change that must ask something outside before it knows the new document (the host looks up a
    /// user's email only when their profile is written anyway). It should still not write anything itself.
    /// </summary>
    public static async Task<OptimisticUpdateResult<T>> ApplyAsync<T>(
        Func<CancellationToken, Task<T?>> read,
        Func<T?, CancellationToken, Task<T?>> change,
        Func<T, string?, CancellationToken, Task<T?>> save,
        int maxAttempts,
        CancellationToken cancellationToken,
        Action<int>? onConflict = null,
        T? alreadyRead = null)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(save);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        T? current = null;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            current = attempt == 1 && alreadyRead is not null
                ? alreadyRead
                : await read(cancellationToken).ConfigureAwait(false);
            if (await change(current, cancellationToken).ConfigureAwait(false) is not { } changed)
            {
                return new OptimisticUpdateResult<T>(OptimisticUpdateStatus.Unchanged, current, null);
            }

            if (await save(changed, current?.ETag, cancellationToken).ConfigureAwait(false) is { } saved)
            {
                return new OptimisticUpdateResult<T>(OptimisticUpdateStatus.Saved, current, saved);
            }

            onConflict?.Invoke(attempt);
        }

        return new OptimisticUpdateResult<T>(OptimisticUpdateStatus.GaveUp, current, null);
    }
}
