using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// Whole sentences are applied whole or not at all: a close date that does not exist ("the 32nd of january") or is already
/// past ("closing yesterday") refuses the change with the reason, instead of applying the rest or making it part of a name.
/// </summary>
public static partial class CommandParser
{
    /// <summary>The refusal for a change whose message says a close date that cannot be one; null when there is none.</summary>
    private static NotUnderstood? RefuseBadCloseDate(string text, Command? parsed, ParseContext context)
    {
        if (parsed is not (null or CreateDeal or UpdateDeal or SetAmount or SetCloseDate or MoveDeal or ChangeModel or SetCustomerType or NotUnderstood))
        {
            return null;
        }

        foreach (Match said in CloseDatePhrasePattern().Matches(text))
        {
            var words = CloseConnectorPattern().Replace(said.Groups["when"].Value, string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var readable = false;
            for (var count = Math.Min(5, words.Length); count >= 1 && !readable; count--)
            {
                var when = string.Join(' ', words[..count]);
                if (DateExpressionParser.TryParseCloseDate(when, context.Dates, out var close))
                {
                    if (close < context.Today)
                    {
                        return new NotUnderstood(text, ParseHint.Of(HintCode.DateInPast, when, close.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                    }

                    readable = true;
                }
                else if (DateExpressionParser.TryParsePast(when, context.Dates, out var past) && past < context.Today)
                {
                    return new NotUnderstood(text, ParseHint.Of(HintCode.DateInPast, when, past.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                }
            }

            if (!readable && LooksLikeADatePattern().Match(said.Groups["when"].Value) is { Success: true } attempt)
            {
                return new NotUnderstood(text, ParseHint.Of(HintCode.UnreadableDate, attempt.Groups["date"].Value.Trim()));
            }
        }

        return null;
    }

    // "closing yesterday", "closes the 32nd of january", "close date is feb 30", "to close by 2026-11-02".
    [GeneratedRegex(@"\b(?:closing|closes|close date(?:\s+is)?|close(?=\s+(?:on|by|in|at)\b)|closed-by)\s+(?<when>[^,;.]+)", Options)]
    private static partial Regex CloseDatePhrasePattern();

    // "set close date to jan 20", "close date is dec 15": the words before the date.
    [GeneratedRegex(@"^(?:(?:is|on|by|to|for|at|around|until|before|:)\s+)+", Options)]
    private static partial Regex CloseConnectorPattern();

    // What a date that did not read looked like: a day number with a month, or an ISO date.
    [GeneratedRegex(@"^(?:(?:on|by|is|to|in|for|around|before)\s+)?(?<date>(?:the\s+)?\b[0-9]{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+[0-9]{1,2}(?:st|nd|rd|th)?\b|\b[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\b|\b[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?\b)", Options)]
    private static partial Regex LooksLikeADatePattern();
}
