namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// Shared plumbing for the "find a value at the end of a phrase" parsers:
/// the value is the last few words, the rest is what the user said before it.
/// </summary>
internal static class PhraseTail
{
    public static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Everything before the last <paramref name="count"/> words, keeping the user's own spacing.</summary>
    public static string DropLastWords(string text, int count)
    {
        var end = text.Length;
        for (var i = 0; i < count; i++)
        {
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            while (end > 0 && !char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }
        }

        return text[..end];
    }

    /// <summary>
    /// Trims the rest and removes one trailing connector word ("by", "worth"…) and any dangling separators.
    /// <paramref name="connectors"/> must list multi-word connectors before their single-word tails.
    /// </summary>
    public static string Tidy(string rest, IEnumerable<string> connectors, out bool hadConnector)
    {
        var tidy = TrimSeparators(rest);
        foreach (var connector in connectors)
        {
            if (EndsWithWord(tidy, connector))
            {
                hadConnector = true;
                return TrimSeparators(tidy[..^connector.Length]);
            }
        }

        hadConnector = false;
        return tidy;
    }

    private static bool EndsWithWord(string text, string word) =>
        text.EndsWith(word, StringComparison.OrdinalIgnoreCase)
        && (text.Length == word.Length || char.IsWhiteSpace(text[^(word.Length + 1)]));

    // "send pricing, by friday" and "Contoso - 45k" should leave "send pricing" and "Contoso".
    private static string TrimSeparators(string text)
    {
        const string Separators = ",-:;–—";
        var end = text.Length;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || Separators.Contains(text[end - 1], StringComparison.Ordinal)))
        {
            end--;
        }

        return text[..end].Trim();
    }
}
