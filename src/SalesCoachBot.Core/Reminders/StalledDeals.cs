using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Reminders;

/// <summary>A stalled deal and whose it is.</summary>
public sealed record StalledDeal(UserProfile Rep, DealView View);

/// <summary>Deals past their stage's allowed time or next-step date: a manager's team's, or one rep's own.</summary>
public static class StalledDeals
{
    /// <returns>The team's stalled deals (the people whose manager is <paramref name="person"/>), or the person's own when they manage nobody; and whether it is a team.</returns>
    public static async Task<(IReadOnlyList<StalledDeal> Deals, bool IsTeam)> ForAsync(
        UserProfile person, IUserProfileStore profiles, IDealStore deals, ManagerMapping mapping, SalesProcess process, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(deals);
        var everyone = await profiles.ListAsync(person.TenantId, cancellationToken).ConfigureAwait(false);
        var team = everyone.Where(p => mapping.Manages(person, p)).ToList();
        var people = team.Count > 0 ? team : [person];
        var rows = new List<StalledDeal>();
        foreach (var rep in people)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, rep.Zone).DateTime);
            var open = await deals.ListAsync(rep.Key, includeClosed: false, cancellationToken).ConfigureAwait(false);
            rows.AddRange(open
                .Select(d => DealView.For(d, process, now, today))
                .Where(v => v.IsStalled(now))
                .Select(v => new StalledDeal(rep, v)));
        }

        return (rows, team.Count > 0);
    }

    /// <summary>The next digest instant after <paramref name="now"/> for a manager in <paramref name="zone"/>.</summary>
    public static DateTimeOffset NextDigest(DateTimeOffset now, TimeZoneInfo zone, ReminderOptions options, WorkingHours? hours = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var days = (hours ?? WorkingHours.Default).Days;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var day = 0; day <= 8; day++)
        {
            var date = today.AddDays(day);
            var fits = options.DigestDaily ? days.Contains(date.DayOfWeek) : date.DayOfWeek == options.DigestDay;
            var at = WorkingHours.ToInstant(date, options.DigestTime, zone);
            if (fits && at > now)
            {
                return at;
            }
        }

        return now + TimeSpan.FromDays(7);
    }
}
