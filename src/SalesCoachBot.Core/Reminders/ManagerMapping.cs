using System.Text.Json;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Reminders;

/// <summary>Bound from <c>SalesCoach:Managers</c>.</summary>
public sealed class ManagerMappingOptions
{
    public const string Section = "SalesCoach:Managers";

    /// <summary>
    /// A JSON file an admin keeps: <c>{ "managers": [ { "rep": "dana@contoso.com", "manager": "morgan@contoso.com" } ] }</c>.
    /// Reps and managers are named by email/UPN or Entra object id. Empty: only what reps say ("my manager is …").
    /// </summary>
    public string? File { get; set; }
}

/// <summary>Who manages whom, from the admin's mapping file. A rep's own "my manager is …" wins over it.</summary>
public sealed class ManagerMapping
{
    private readonly Dictionary<string, string> _managerOf;

    public ManagerMapping(IEnumerable<KeyValuePair<string, string>> entries)
    {
        _managerOf = new Dictionary<string, string>(entries, StringComparer.OrdinalIgnoreCase);
    }

    public static ManagerMapping Empty { get; } = new([]);

    public int Count => _managerOf.Count;

    /// <summary>The manager's email or object id for a rep, matched by the rep's object id or email.</summary>
    public string? ManagerOf(UserProfile rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        return _managerOf.TryGetValue(rep.UserId, out var byId) ? byId
            : rep.Email is not null && _managerOf.TryGetValue(rep.Email, out var byEmail) ? byEmail
            : null;
    }

    /// <summary>Whether the file names this person as someone's manager (by object id or email).</summary>
    public bool IsManager(UserProfile person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return _managerOf.Values.Any(m => string.Equals(m, person.UserId, StringComparison.OrdinalIgnoreCase)
            || (person.Email is not null && string.Equals(m, person.Email, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// Whether <paramref name="manager"/> manages <paramref name="rep"/>: the rep's own "my manager is …" first, else this file.
    /// </summary>
    public bool Manages(UserProfile manager, UserProfile rep)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(rep);
        if (rep.TenantId != manager.TenantId || rep.UserId == manager.UserId)
        {
            return false;
        }

        if (rep.ManagerUserId is not null)
        {
            return rep.ManagerUserId == manager.UserId;
        }

        return ManagerOf(rep) is { } named
            && (string.Equals(named, manager.UserId, StringComparison.OrdinalIgnoreCase)
                || (manager.Email is not null && string.Equals(named, manager.Email, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Reads the mapping file; every problem is reported with the file and the JSON path.</summary>
    public static ManagerMapping Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidOperationException($"{path}: $: the manager mapping file does not exist");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(System.IO.File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{path}: {ex.Path ?? "$"}: not valid JSON (line {ex.LineNumber + 1})", ex);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("managers", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidOperationException($"{path}: $.managers: is required and must be a list of {{ \"rep\": …, \"manager\": … }}");
            }

            var entries = new List<KeyValuePair<string, string>>();
            var errors = new List<string>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                string? Text(string name) => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0 ? v.GetString()!.Trim() : null;
                var rep = Text("rep");
                var manager = Text("manager");
                if (rep is null || manager is null)
                {
                    errors.Add($"{path}: $.managers[{index}]: needs \"rep\" and \"manager\" (an email or an Entra object id)");
                }
                else if (string.Equals(rep, manager, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"{path}: $.managers[{index}]: '{rep}' cannot manage themselves");
                }
                else if (entries.Any(e => string.Equals(e.Key, rep, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add($"{path}: $.managers[{index}].rep: '{rep}' already has a manager earlier in the file");
                }
                else
                {
                    entries.Add(new(rep, manager));
                }

                index++;
            }

            return errors.Count == 0 ? new ManagerMapping(entries) : throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        }
    }
}
