namespace SalesCoachBot.Core.Deals;

/// <summary>
/// The deals a free-text message names in passing, by the first word of their name (three letters or more, as a whole
/// word): "oops tailspin wasn't won, undo that" names Tailspin Toys; "remind me to call the cfo at delta friday" names
/// Delta. Used where a command's own deal phrase is missing or "it", so that it never acts on the deal in context while
/// the rep is talking about another one.
/// </summary>
public static class DealMentions
{
    public static IReadOnlyList<Deal> In(IEnumerable<Deal> deals, string? text)
    {
        ArgumentNullException.ThrowIfNull(deals);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = Words(text).ToHashSet(StringComparer.Ordinal);
        return deals.Where(d => Words(d.Name).FirstOrDefault() is { Length: >= 3 } first && words.Contains(first)).ToList();
    }

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split((char[])[' ', ',', '.', '!', '?', ':', ';', '\'', '"', '(', ')', '-'], StringSplitOptions.RemoveEmptyEntries);
}
