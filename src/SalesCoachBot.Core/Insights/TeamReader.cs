using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Insights;

/// <summary>A rep and their deals, as one read of their own partition returned them.</summary>
public sealed record RepDeals(UserProfile Rep, IReadOnlyList<Deal> Deals);

/// <summary>
/// A manager's team and its deals. The team is the people of the manager's tenant whose manager they are (the rep's
/// own "my manager is …" first, else the admin's mapping file); deals are read one rep at a time, each read scoped to
/// that rep (one partition in Cosmos DB), never a scan across owners.
/// </summary>
public sealed class TeamReader(IUserProfileStore profiles, IDealStore deals, ManagerMapping mapping)
{
    /// <summary>How many reps' deals are read at once.</summary>
    public const int ParallelReads = 8;

    /// <summary>The reps <paramref name="manager"/> manages, by name; empty for someone who manages nobody.</summary>
    public async Task<IReadOnlyList<UserProfile>> TeamOfAsync(OwnerKey manager, CancellationToken cancellationToken)
    {
        var everyone = await profiles.ListAsync(manager.TenantId, cancellationToken).ConfigureAwait(false);
        var me = everyone.FirstOrDefault(p => p.UserId == manager.UserId);
        if (me is null)
        {
            return [];
        }

        return everyone
            .Where(p => p.TenantId == manager.TenantId && mapping.Manages(me, p))
            .OrderBy(p => p.Name ?? p.UserId, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Each rep's deals (open only, or with the closed ones), in the order of <paramref name="reps"/>.</summary>
    public Task<IReadOnlyList<RepDeals>> DealsOfAsync(IReadOnlyList<UserProfile> reps, bool includeClosed, CancellationToken cancellationToken) =>
        ReadEachAsync(reps, (owner, ct) => deals.ListAsync(owner, includeClosed, ct), cancellationToken);

    /// <summary>
    /// Each rep's open deals and the closed ones changed at or after <paramref name="since"/>: all that figures of a
    /// period starting then can use, for reading only. A store that is an <see cref="IInsightDealReader"/> leaves the
    /// rest out in its query, and each deal's undo trail with it; any other store's deals are read whole and filtered here.
    /// The figures are the same either way.
    /// </summary>
    public Task<IReadOnlyList<RepDeals>> DealsChangedSinceAsync(IReadOnlyList<UserProfile> reps, DateTimeOffset since, CancellationToken cancellationToken) =>
        ReadEachAsync(
            reps,
            deals is IInsightDealReader insights
                ? (owner, ct) => insights.ListForInsightsAsync(owner, since, ct)
                : async (owner, ct) => ChangedSince(await deals.ListAsync(owner, includeClosed: true, ct).ConfigureAwait(false), since),
            cancellationToken);

    /// <summary>
    /// The same deals as <see cref="DealsChangedSinceAsync"/>, each counted into its rep's tally (made by
    /// <paramref name="start"/>) as soon as it is read, in no particular order, and then dropped: only the tallies are
    /// kept, in the order of <paramref name="reps"/>. A store that is an <see cref="IInsightDealReader"/> hands the deals
    /// over as it parses them.
    /// </summary>
    public async Task<IReadOnlyList<T>> TallyEachAsync<T>(IReadOnlyList<UserProfile> reps, DateTimeOffset since, Func<UserProfile, T> start, CancellationToken cancellationToken)
        where T : IDealTally
    {
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentNullException.ThrowIfNull(start);
        var tallies = reps.Select(start).ToArray();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, reps.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                if (deals is IInsightDealReader insights)
                {
                    await insights.TallyForInsightsAsync(reps[i].Key, since, tallies[i], ct).ConfigureAwait(false);
                    return;
                }

                foreach (var deal in ChangedSince(await deals.ListAsync(reps[i].Key, includeClosed: true, ct).ConfigureAwait(false), since))
                {
                    tallies[i].Add(deal);
                }
            }).ConfigureAwait(false);
        return tallies;
    }

    /// <summary>The deals figures of a period starting at <paramref name="since"/> can use: open, or changed since (never deleted).</summary>
    public static IReadOnlyList<Deal> ChangedSince(IEnumerable<Deal> deals, DateTimeOffset since) =>
        deals.Where(d => d.IsOpen || (!d.IsDeleted && d.UpdatedAt >= since)).ToList();

    private static async Task<IReadOnlyList<RepDeals>> ReadEachAsync(
        IReadOnlyList<UserProfile> reps, Func<OwnerKey, CancellationToken, Task<IReadOnlyList<Deal>>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reps);
        var results = new IReadOnlyList<Deal>[reps.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, reps.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await read(reps[i].Key, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return reps.Select((rep, i) => new RepDeals(rep, results[i])).ToList();
    }

    /// <summary>
    /// The rep of <paramref name="team"/> a manager names: by email or id, by full name, else by a unique first or last
    /// name. Empty when none fits; several when the name is ambiguous. Only the team is searched, so a manager learns
    /// nothing about people outside it.
    /// </summary>
    public static IReadOnlyList<UserProfile> Find(string phrase, IReadOnlyList<UserProfile> team)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(team);
        var key = phrase.Trim().TrimStart('@');
        var exact = team.Where(p => string.Equals(p.Email, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.UserId, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var byWord = ByNameWord(key, team);
        // "megans deals", "megan s quota": a possessive typed without its apostrophe names Megan, when no one is called Megans.
        return byWord.Count == 0 && key.Length > 2 && key.EndsWith('s') && !key.EndsWith("ss", StringComparison.OrdinalIgnoreCase)
            ? ByNameWord(key[..^1].TrimEnd(), team)
            : byWord;
    }

    private static List<UserProfile> ByNameWord(string key, IReadOnlyList<UserProfile> team) =>
        team.Where(p => p.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => string.Equals(w, key, StringComparison.OrdinalIgnoreCase)) == true).ToList();
}
