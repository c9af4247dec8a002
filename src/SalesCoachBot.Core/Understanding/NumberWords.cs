using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// An amount said in words ("forty thousand", "twelve thousand dollars", "two million", "thirty k", "fifteen hundred
/// dollars") written in digits before the rules read the message, so that the amount rules see it and a new deal's name
/// does not swallow it ("new deal Zeta forty thousand" was a deal named "Zeta forty thousand" with no amount). Only
/// number words followed by a scale or a currency are rewritten: "two weeks" and "Four Seasons" stay as they are.
/// </summary>
internal static partial class NumberWords
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static string InDigits(string text) => AmountInWordsPattern().Replace(text, match =>
        Value(match.Groups["words"].Value) is { } number
            ? number.ToString(CultureInfo.InvariantCulture) + " " + match.Groups["scale"].Value
            : match.Value);

    /// <summary>1 to 999 from its words ("forty five", "a", "fifteen hundred", "two hundred and fifty"); null otherwise.</summary>
    private static int? Value(string words)
    {
        var total = 0;
        var tokens = words.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var token in tokens)
        {
            if (token == "and")
            {
                continue;
            }

            if (token == "a" && tokens.Length == 1)
            {
                total = 1;
            }
            else if (token == "hundred")
            {
                total = (total == 0 ? 1 : total) * 100;
            }
            else if (Array.IndexOf(Units, token) is > 0 and var unit)
            {
                total += unit;
            }
            else if (Array.IndexOf(Tens, token) is >= 2 and var ten)
            {
                total += ten * 10;
            }
            else
            {
                return null;
            }
        }

        return total is > 0 and < 10_000 ? total : null;
    }

    private const string Number = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    [GeneratedRegex(@"\b(?<words>(?:a|" + Number + @")(?:[\s-]+(?:" + Number + @"|hundred|and))*)\s+(?<scale>thousand|grand|million|mil|billion|k|dollars?|bucks|euros?|pounds?|quid)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountInWordsPattern();
}
