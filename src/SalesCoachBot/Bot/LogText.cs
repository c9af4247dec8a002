using System.Globalization;
using System.Text;

namespace SalesCoachBot.Bot;

/// <summary>
/// Request-derived values (activity ids, tenant ids, card verbs) go into logs through this: control characters escaped
/// (a newline cannot forge a log line) and length capped (a 200 KB id cannot flood the log).
/// </summary>
public static class LogText
{
    public const int MaxLength = 128;

    public static string Safe(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var text = value.Length > MaxLength ? value[..MaxLength] : value;
        if (!text.Any(NeedsEscape))
        {
            return value.Length > MaxLength ? text + "…" : text;
        }

        var safe = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            safe.Append(NeedsEscape(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString());
        }

        return value.Length > MaxLength ? safe.Append('…').ToString() : safe.ToString();
    }

    // Control characters, and the Unicode line and paragraph separators some log viewers break lines on.
    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
}
