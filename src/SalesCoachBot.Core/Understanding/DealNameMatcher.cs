using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// Finds the deal a user means from a loosely typed name ("contoso", "cont", "contsoo").
/// </summary>
/// <remarks>
/// Names and queries are compared in normalized form (see <see cref="Normalize"/>). Rules, in order; the first rule
/// that matches anything wins, and several matches within it make the result ambiguous:
/// <list type="number">
/// <item><description>Exact: the normalized names are equal, legal suffixes included ("contoso ltd" = "CONTOSO, LTD.").</description></item>
/// <item><description>Exact but for the legal suffix, when the query has one ("contoso inc" = "Contoso Ltd", "contoso ltd" = "Contoso").
/// A bare "contoso" deliberately falls through to the next rule, so that it stays ambiguous between
/// "Contoso Ltd" and "Contoso Pharma".</description></item>
/// <item><description>Leading words: the query's words are the first words of the name ("fabrikam north" → "Fabrikam North America").</description></item>
/// <item><description>Inner words: the query's words appear consecutively in the name ("pharma" → "Contoso Pharma").</description></item>
/// <item><description>Prefix: a one-word query of 3+ characters starts the name's first word ("cont" → "Contoso Ltd").</description></item>
/// <item><description>Word starts in order: a query of 2+ words whose first word starts the name's first word and whose
/// other words each start a later word of the name, in order, skipping some ("wide world renewal" → "Wide World Importers
/// renewal", "graphic design inst" → "Graphic Design Institute", "contoso exp" → "Contoso expansion").</description></item>
/// <item><description>Typo: Damerau–Levenshtein distance ≤ 1 for queries of 5+ characters, ≤ 2 for 9+, against the
/// normalized name or its first word ("contsoo" → "Contoso Ltd").</description></item>
/// </list>
/// A query made only of legal suffixes and stop words ("ltd", "co", "the") matches nothing, and neither does an
/// empty or punctuation-only one. The user's legal suffix is ignored by rules 3–6.
/// </remarks>
public static class DealNameMatcher
{
    private const int MinPrefixLength = 3;

    private static readonly FrozenSet<string> LegalSuffixes = FrozenSet.Create(
        StringComparer.Ordinal,
        "ltd", "inc", "llc", "gmbh", "corp", "co", "plc", "sa", "ag", "limited", "corporation", "company");

    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.Ordinal, "the", "a", "an", "and", "of", "for");

    // In the order of the class remarks: the first rule that matches anything wins. The typo rule stays last (allowTypos).
    private static readonly Func<NameKey, NameKey, bool>[] Rules =
    [
        IsExact,
        IsExactButForLegalSuffix,
        HasLeadingWords,
        HasInnerWords,
        StartsFirstWord,
        HasWordPrefixesInOrder,
        IsWithinTypo,
    ];

    /// <summary>Matches <paramref name="query"/> against the candidates' names; see the class remarks for the rules.</summary>
    /// <param name="allowTypos">
    /// False to leave out the typo rule: a name one slip from another ("Filler 2", "Filler 1") is not the same deal said
    /// loosely when it is a new deal's own name.
    /// </param>
    public static NameMatch<T> Match<T>(string query, IEnumerable<T> candidates, Func<T, string> nameOf, bool allowTypos = true)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(nameOf);

        var queryKey = NameKey.From(query);
        if (queryKey.Words.All(IsNoise))
        {
            return new NameMatch<T>(NameMatchKind.None, []);
        }

        var named = candidates
            .Select(candidate => (Candidate: candidate, Key: NameKey.From(nameOf(candidate))))
            .Where(pair => pair.Key.Words.Length > 0)
            .ToList();

        foreach (var rule in allowTypos ? Rules : Rules[..^1])
        {
            var matches = named.Where(pair => rule(queryKey, pair.Key)).Select(pair => pair.Candidate).ToList();
            if (matches.Count > 0)
            {
                return new NameMatch<T>(matches.Count == 1 ? NameMatchKind.Unique : NameMatchKind.Ambiguous, matches);
            }
        }

        return new NameMatch<T>(NameMatchKind.None, []);
    }

    /// <summary>
    /// The comparable form of a name: lowercase, no diacritics (é → e), no punctuation, single spaces, and without
    /// trailing legal suffixes ("CONTOSO, LTD." → "contoso"), unless the name is nothing but a suffix.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return NameKey.From(name).Core;
    }

    /// <summary>Whether the name ends in a legal suffix ("Contoso Ltd"), which the looser rules leave out.</summary>
    public static bool HasLegalSuffix(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return NameKey.From(name).HasLegalSuffix;
    }

    private static bool IsNoise(string word) => LegalSuffixes.Contains(word) || StopWords.Contains(word);

    private static bool IsExact(NameKey query, NameKey name) => query.Full == name.Full;

    private static bool IsExactButForLegalSuffix(NameKey query, NameKey name) => query.HasLegalSuffix && query.Core == name.Core;

    private static bool HasLeadingWords(NameKey query, NameKey name) => name.Words.AsSpan().StartsWith(query.CoreWords);

    private static bool HasInnerWords(NameKey query, NameKey name) => name.Words.AsSpan().IndexOf(query.CoreWords) >= 0;

    private static bool StartsFirstWord(NameKey query, NameKey name) =>
        query.CoreWords.Length == 1
        && query.Core.Length >= MinPrefixLength
        && name.Words[0].StartsWith(query.Core, StringComparison.Ordinal);

    private static bool HasWordPrefixesInOrder(NameKey query, NameKey name)
    {
        var said = query.CoreWords;
        if (said.Length < 2 || said.Length > name.Words.Length || !name.Words[0].StartsWith(said[0], StringComparison.Ordinal))
        {
            return false;
        }

        var at = 1;
        foreach (var word in said.AsSpan(1))
        {
            while (at < name.Words.Length && !name.Words[at].StartsWith(word, StringComparison.Ordinal))
            {
                at++;
            }

            if (at == name.Words.Length)
            {
                return false;
            }

            at++;
        }

        return true;
    }

    private static bool IsWithinTypo(NameKey query, NameKey name)
    {
        var allowed = query.Core.Length switch
        {
            >= 9 => 2,
            >= 5 => 1,
            _ => 0,
        };

        return allowed > 0
            && (EditDistance.DamerauLevenshtein(query.Core, name.Core) <= allowed
                || EditDistance.DamerauLevenshtein(query.Core, name.Words[0]) <= allowed);
    }

    private static string[] NormalizedWords(string text)
    {
        // Periods and apostrophes vanish so "S.A." reads "sa" and "O'Brien" reads "obrien";
        // other punctuation separates words ("Fabrikam-North" reads "fabrikam north").
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('.' or '\'' or '’') && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(' ');
            }
        }

        return PhraseTail.Words(builder.ToString());
    }

    /// <summary>A name broken down once for all the rules.</summary>
    private sealed class NameKey(string[] words, string[] coreWords)
    {
        /// <summary>All the normalized words, legal suffixes included.</summary>
        public string[] Words { get; } = words;

        /// <summary>The words without trailing legal suffixes.</summary>
        public string[] CoreWords { get; } = coreWords;

        public string Full { get; } = string.Join(' ', words);

        public string Core { get; } = string.Join(' ', coreWords);

        public bool HasLegalSuffix => CoreWords.Length < Words.Length;

        public static NameKey From(string name)
        {
            var words = NormalizedWords(name);
            var coreLength = words.Length;
            while (coreLength > 1 && LegalSuffixes.Contains(words[coreLength - 1]))
            {
                coreLength--;
            }

            return new NameKey(words, words[..coreLength]);
        }
    }
}
