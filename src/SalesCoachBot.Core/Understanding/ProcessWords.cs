using SalesCoachBot.Core.Process;

namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// Recognises the process's own words in a message: stage, model and customer-type names. The parser uses these to decide
/// what a phrase is ("change contoso to transactional" names a model; "move contoso to propsal" a stage, typo included).
/// </summary>
internal static class ProcessWords
{
    // Customer types have no synonyms in the process file; these are everyday ways to say the usual ones, and count only
    // when the process has a type with that id.
    private static readonly Dictionary<string, string[]> CustomerTypeAliases = new(StringComparer.Ordinal)
    {
        ["smb"] = ["small business", "small businesses", "small biz", "smb", "sme", "small company"],
        ["mid-market"] = ["mid market", "midmarket", "mid size", "midsize", "mid sized"],
        ["enterprise"] = ["large enterprise", "large company", "big company"],
        ["existing-customer"] = ["existing customer", "existing client", "current customer", "expansion", "upsell", "expansion deal"],
    };

    /// <summary>Whether <paramref name="phrase"/> names a stage of any model, allowing a typo ("propsal", "negotiations").</summary>
    public static bool IsStage(SalesProcess process, string phrase) => Stage(process, phrase) is not null;

    /// <summary>Whether the phrase names a won or lost stage ("closed won", "lost").</summary>
    public static bool IsClosingStage(SalesProcess process, string phrase) => Stage(process, phrase) is { IsClosed: true };

    /// <summary>The stage a phrase names, exactly, by a unique prefix of 3+ letters ("neg", "disc"), or within a typo.</summary>
    public static Stage? Stage(SalesProcess process, string phrase)
    {
        var key = Vocabulary.Key(phrase);
        if (key.StartsWith("the ", StringComparison.Ordinal))
        {
            key = key[4..];
        }

        if (key.EndsWith(" stage", StringComparison.Ordinal))
        {
            key = key[..^6];
        }

        if (key.Length == 0)
        {
            return null;
        }

        var stages = process.Models.SelectMany(m => m.Stages).ToList();
        var exact = stages.FirstOrDefault(s => s.Keys.Contains(key));
        if (exact is not null || key.Length < 3)
        {
            return exact;
        }

        var prefix = stages.Where(s => s.Keys.Any(k => k.StartsWith(key, StringComparison.Ordinal))).Select(s => s.Id).Distinct().ToList();
        if (prefix.Count == 1)
        {
            return stages.First(s => s.Id == prefix[0]);
        }

        // Typing slips: one edit from 5 letters, two from 9 ("negotiaton", "discovry", "proposl").
        var allowed = key.Length >= 9 ? 2 : key.Length >= 5 ? 1 : 0;
        return allowed == 0
            ? null
            : stages
                .Select(s => (Stage: s, Distance: s.Keys.Min(k => EditDistance.DamerauLevenshtein(key, k))))
                .Where(c => c.Distance <= allowed)
                .OrderBy(c => c.Distance)
                .Select(c => c.Stage)
                .FirstOrDefault();
    }

    /// <summary>
    /// The id of the customer type a phrase names, by id, name or an everyday alias. A phrase that is also a selling model's
    /// id or name ("enterprise") is a customer type only when said as one ("an enterprise customer").
    /// </summary>
    public static string? CustomerType(SalesProcess process, string phrase, bool saidAsCustomer)
    {
        var key = Vocabulary.Key(phrase);
        if (key.Length == 0)
        {
            return null;
        }

        // A model's id or name, or a slip of one ("enterprize"); a model's synonym ("mid-market") may still be a type.
        var namesAModel = process.Models.Any(m => Vocabulary.Key(m.Id) == key || Vocabulary.Key(m.Name) == key)
            || Vocabulary.NearestWithinSlip(key, process.Models, m => [Vocabulary.Key(m.Id), Vocabulary.Key(m.Name)]) is not null;
        if (namesAModel && !saidAsCustomer)
        {
            return null;
        }

        foreach (var type in process.CustomerTypes)
        {
            if (Names(type).Contains(key))
            {
                return type.Id;
            }
        }

        // "smal business", "mid-markt": the one type within a typing slip.
        return Vocabulary.NearestWithinSlip(key, process.CustomerTypes, Names)?.Id;
    }

    private static List<string> Names(CustomerType type)
    {
        var names = new List<string> { type.Id, type.Name, ShortName(type.Name) };
        if (CustomerTypeAliases.TryGetValue(type.Id, out var aliases))
        {
            names.AddRange(aliases);
        }

        return names.Select(Vocabulary.Key).ToList();
    }

    /// <summary>The model id a phrase names ("velocity" → transactional), or null.</summary>
    public static string? ModelId(SalesProcess process, string phrase)
    {
        var key = Vocabulary.Key(phrase);
        foreach (var noise in new[] { "the ", "a ", "an " })
        {
            if (key.StartsWith(noise, StringComparison.Ordinal))
            {
                key = key[noise.Length..];
            }
        }

        foreach (var noun in new[] { " selling model", " sales process", " model", " process", " deals", " deal", " customers", " accounts", " one", " sale", " sales", " selling", " motion" })
        {
            if (key.EndsWith(noun, StringComparison.Ordinal) && process.FindModel(key) is null)
            {
                key = key[..^noun.Length];
            }
        }

        return process.FindModel(key)?.Id;
    }

    // "Existing customer (expansion)" is said "existing customer".
    private static string ShortName(string name)
    {
        var bracket = name.IndexOf('(', StringComparison.Ordinal);
        return bracket > 0 ? name[..bracket].Trim() : name;
    }
}
