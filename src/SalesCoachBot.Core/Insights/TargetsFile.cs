using System.Text.Json;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Core.Users;

namespace SalesCoachBot.Core.Insights;

/// <summary>Bound from <c>SalesCoach:Targets</c>.</summary>
public sealed class TargetsOptions
{
    public const string Section = "SalesCoach:Targets";

    /// <summary>
    /// A JSON file an admin keeps beside the managers file: quarterly quotas and weekly activity targets per team (named
    /// by its manager) and per rep. Empty: only what people say in chat.
    /// </summary>
    public string? File { get; set; }
}

/// <summary>What the targets file expects of a team's reps, or of one rep: a quarterly quota and weekly targets.</summary>
public sealed record TargetsEntry(Money? QuarterlyQuota, IReadOnlyList<ActivityTarget> Weekly);

/// <summary>
/// The admin's targets file, read once at start-up. Teams are named by their manager and reps by themselves, each by
/// email/UPN or Entra object id, as in the managers file.
/// </summary>
public sealed class TargetsFile
{
    /// <summary>The measures as the file names them.</summary>
    public static readonly IReadOnlyDictionary<string, TargetMeasure> MeasureNames = new Dictionary<string, TargetMeasure>(StringComparer.OrdinalIgnoreCase)
    {
        ["calls"] = TargetMeasure.Calls,
        ["meetings"] = TargetMeasure.Meetings,
        ["emails"] = TargetMeasure.Emails,
        ["demos"] = TargetMeasure.Demos,
        ["proposalsSent"] = TargetMeasure.ProposalsSent,
        ["activities"] = TargetMeasure.Activities,
        ["newDeals"] = TargetMeasure.NewDeals,
    };

    private readonly Dictionary<string, TargetsEntry> _teams;
    private readonly Dictionary<string, TargetsEntry> _reps;

    public TargetsFile(IEnumerable<KeyValuePair<string, TargetsEntry>> teams, IEnumerable<KeyValuePair<string, TargetsEntry>> reps)
    {
        _teams = new Dictionary<string, TargetsEntry>(teams, StringComparer.OrdinalIgnoreCase);
        _reps = new Dictionary<string, TargetsEntry>(reps, StringComparer.OrdinalIgnoreCase);
    }

    public static TargetsFile Empty { get; } = new([], []);

    public int Count => _teams.Count + _reps.Count;

    /// <summary>The entry of the team managed by someone named <paramref name="names"/> (their object id or email), if any.</summary>
    public TargetsEntry? TeamOf(params string?[] names) => Lookup(_teams, names);

    /// <summary>The entry of <paramref name="rep"/> themself, matched by object id or email.</summary>
    public TargetsEntry? RepOf(UserProfile rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        return Lookup(_reps, [rep.UserId, rep.Email]);
    }

    private static TargetsEntry? Lookup(Dictionary<string, TargetsEntry> entries, string?[] names) =>
        names.Where(n => n is not null).Select(n => entries.GetValueOrDefault(n!)).FirstOrDefault(e => e is not null);

    /// <summary>Reads the targets file; every problem is reported with the file, the JSON path of the field and its line.</summary>
    public static TargetsFile Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidOperationException($"{path}: $: the targets file does not exist");
        }

        var text = System.IO.File.ReadAllText(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{path}: {ex.Path ?? "$"}: not valid JSON (line {ex.LineNumber + 1})", ex);
        }

        using (document)
        {
            var errors = new List<(string At, string Problem)>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || (!root.TryGetProperty("teams", out _) && !root.TryGetProperty("reps", out _)))
            {
                throw new InvalidOperationException($"{path}: $: needs \"teams\" (a list of {{ \"manager\": …, … }}) or \"reps\" (a list of {{ \"rep\": …, … }})");
            }

            var teams = ReadList(root, "teams", "manager", path, errors);
            var reps = ReadList(root, "reps", "rep", path, errors);
            if (errors.Count == 0)
            {
                return new TargetsFile(teams, reps);
            }

            // Each problem names the file, the field's JSON path and its line, so an admin can go straight to it.
            var lines = LinesOf(text);
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors.Select(e => $"{path}: {e.At}{LineOf(lines, e.At)}: {e.Problem}")));
        }
    }

    private static List<KeyValuePair<string, TargetsEntry>> ReadList(JsonElement root, string listName, string whoName, string path, List<(string At, string Problem)> errors)
    {
        var entries = new List<KeyValuePair<string, TargetsEntry>>();
        if (!root.TryGetProperty(listName, out var list))
        {
            return entries;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(($"$.{listName}", "must be a list"));
            return entries;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"$.{listName}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add((at, $"must be an object with \"{whoName}\""));
                continue;
            }

            var who = item.TryGetProperty(whoName, out var w) && w.ValueKind == JsonValueKind.String ? w.GetString()!.Trim() : string.Empty;
            if (who.Length == 0)
            {
                errors.Add(($"{at}.{whoName}", "is required (an email or an Entra object id)"));
                continue;
            }

            if (entries.Any(e => string.Equals(e.Key, who, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(($"{at}.{whoName}", $"'{who}' is listed earlier in the file"));
                continue;
            }

            var before = errors.Count;
            Money? quota = null;
            if (item.TryGetProperty("quarterlyQuota", out var q))
            {
                if (q.ValueKind == JsonValueKind.Number && q.TryGetDecimal(out var number) && number > 0)
                {
                    quota = new Money(number, null);
                }
                else if (q.ValueKind == JsonValueKind.String && MoneyParser.TryParse(q.GetString()!.Trim(), out var money) && money.Amount > 0)
                {
                    quota = money;
                }
                else
                {
                    errors.Add(($"{at}.quarterlyQuota", "must be a positive amount, such as 300000 or \"300k USD\""));
                }
            }

            var weekly = new List<ActivityTarget>();
            if (item.TryGetProperty("weekly", out var targets))
            {
                if (targets.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(($"{at}.weekly", "must be an object such as { \"calls\": 20, \"meetings\": 5 }"));
                }
                else
                {
                    foreach (var target in targets.EnumerateObject())
                    {
                        if (!MeasureNames.TryGetValue(target.Name, out var measure))
                        {
                            errors.Add(($"{at}.weekly.{target.Name}", $"not a target the bot counts; use one of {string.Join(", ", MeasureNames.Keys)}"));
                        }
                        else if (target.Value.ValueKind != JsonValueKind.Number || !target.Value.TryGetInt32(out var perWeek) || perWeek < 1 || perWeek > ActivityTarget.MaxPerWeek)
                        {
                            errors.Add(($"{at}.weekly.{target.Name}", $"must be a whole number from 1 to {ActivityTarget.MaxPerWeek}"));
                        }
                        else
                        {
                            weekly = [.. ActivityTargets.With(weekly, new ActivityTarget(measure, perWeek))];
                        }
                    }
                }
            }

            foreach (var property in item.EnumerateObject().Where(p => p.Name != whoName && p.Name is not ("quarterlyQuota" or "weekly")))
            {
                errors.Add(($"{at}.{property.Name}", $"unknown field; an entry has \"{whoName}\", \"quarterlyQuota\" and \"weekly\""));
            }

            if (errors.Count == before)
            {
                entries.Add(new(who, new TargetsEntry(quota, weekly)));
            }
        }

        return entries;
    }

    /// <summary>" (line 7)" for a JSON path, or for the nearest enclosing one the file has; empty when none is known.</summary>
    private static string LineOf(Dictionary<string, int> lines, string at)
    {
        for (var path = at; path.Length > 0; path = path[..Math.Max(0, Math.Max(path.LastIndexOf('.'), path.LastIndexOf('[')))])
        {
            if (lines.TryGetValue(path, out var line))
            {
                return $" (line {line})";
            }
        }

        return string.Empty;
    }

    /// <summary>The line of every property and list item of a JSON text, by its JSON path ("$.teams[0].weekly.calls").</summary>
    private static Dictionary<string, int> LinesOf(string json)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var frames = new List<(bool IsArray, int Index, string? Property)>();
        string Path() => "$" + string.Concat(frames.Select(f => f.IsArray ? (f.Index >= 0 ? $"[{f.Index}]" : string.Empty) : f.Property is null ? string.Empty : "." + f.Property));
        void NextItem(int line)
        {
            if (frames.Count > 0 && frames[^1].IsArray)
            {
                frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                lines.TryAdd(Path(), line);
            }
        }

        while (reader.Read())
        {
            var line = 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    frames[^1] = frames[^1] with { Property = reader.GetString() };
                    lines.TryAdd(Path(), line);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    NextItem(line);
                    frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                default:
                    NextItem(line);
                    break;
            }
        }

        return lines;
    }
}
