using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Insights.Export;

/// <summary>An export's file: its name and its bytes.</summary>
public sealed record ExportFile(string FileName, byte[] Content, int Rows);

/// <summary>
/// Reads what an export holds from the store, at the moment it is asked for: the user's own deals (open and closed), or
/// the open deals of the reps whose manager they are (their own "my manager is …", else the admin's mapping file).
/// </summary>
public sealed class DealExport(IDealStore deals, IUserProfileStore profiles, ManagerMapping mapping, SalesProcess process)
{
    public async Task<IReadOnlyList<ExportRow>> RowsAsync(OwnerKey user, ExportScope scope, CancellationToken cancellationToken)
    {
        var me = await profiles.GetAsync(user, cancellationToken).ConfigureAwait(false);
        if (scope == ExportScope.MyDeals)
        {
            var mine = await deals.ListAsync(user, includeClosed: true, cancellationToken).ConfigureAwait(false);
            return [.. mine.OrderBy(d => d.CreatedAt).Select(d => new ExportRow(me?.Name ?? "you", d))];
        }

        var rows = new List<ExportRow>();
        foreach (var rep in await TeamAsync(user, me, cancellationToken).ConfigureAwait(false))
        {
            var open = await deals.ListAsync(rep.Key, includeClosed: false, cancellationToken).ConfigureAwait(false);
            rows.AddRange(open.OrderBy(d => d.CreatedAt).Select(d => new ExportRow(rep.Name ?? rep.Email ?? "a rep", d)));
        }

        return rows;
    }

    /// <summary>The reps whose manager <paramref name="user"/> is, in name order; empty for someone who manages nobody.</summary>
    public async Task<IReadOnlyList<UserProfile>> TeamAsync(OwnerKey user, UserProfile? me, CancellationToken cancellationToken)
    {
        // The stored profile carries the email the mapping file may name the manager by.
        me ??= await profiles.GetAsync(user, cancellationToken).ConfigureAwait(false)
            ?? new UserProfile { TenantId = user.TenantId, UserId = user.UserId, FirstSeen = DateTimeOffset.MinValue, LastSeen = DateTimeOffset.MinValue };
        var everyone = await profiles.ListAsync(user.TenantId, cancellationToken).ConfigureAwait(false);
        return [.. everyone.Where(p => mapping.Manages(me, p)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<ExportFile> FileAsync(OwnerKey user, ExportScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(user, scope, cancellationToken).ConfigureAwait(false);
        using var content = new MemoryStream();
        DealCsv.Write(content, rows, process);
        var name = (scope == ExportScope.MyDeals ? "my-deals-" : "team-pipeline-") + today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".csv";
        return new ExportFile(name, content.ToArray(), rows.Count);
    }
}
