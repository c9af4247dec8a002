using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Reminders;

/// <summary>Finds a person the bot knows by email, name, or a unique part of the name.</summary>
public static class ManagerDirectory
{
    public static IReadOnlyList<UserProfile> Find(string who, IEnumerable<UserProfile> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var key = who.Trim().Trim('@').ToLowerInvariant();
        var list = people.ToList();
        var byEmail = list.Where(p => string.Equals(p.Email, key, StringComparison.OrdinalIgnoreCase) || string.Equals(p.UserId, key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byEmail.Count > 0)
        {
            return byEmail;
        }

        var byName = list.Where(p => string.Equals(p.Name, who.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return byName.Count > 0
            ? byName
            : list.Where(p => p.Name?.Split(' ').Any(w => string.Equals(w, key, StringComparison.OrdinalIgnoreCase)) == true).ToList();
    }
}
