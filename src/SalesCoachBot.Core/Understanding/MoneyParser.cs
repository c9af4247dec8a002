using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// Reads deal amounts the way salespeople type them in chat.
/// </summary>
/// <remarks>
/// Grammar of a whole amount (trimmed, case-insensitive):
/// <list type="bullet">
/// <item><description><c>[currency] number [multiplier] [currency]</c>, e.g. <c>45k</c>, <c>$45,000</c>, <c>1.2m</c>, <c>€50k</c>, <c>USD 45,000</c>, <c>45k usd</c>.</description></item>
/// <item><description>number: digits, optionally grouped by commas in threes (<c>45,000</c>, not <c>4,50,00</c>), optionally with a decimal point (<c>45,000.50</c>).
/// No space separators, no leading sign.</description></item>
/// <item><description>multiplier, glued to the number: <c>k</c> thousand, <c>m</c>/<c>mm</c> million, <c>b</c>/<c>bn</c> billion.
/// <c>45 k</c> is refused: a detached letter is more likely a word than a unit.</description></item>
/// <item><description>currency: a leading symbol (<c>$</c> USD, <c>€</c> EUR, <c>£</c> GBP, <c>¥</c> JPY) or a common ISO code before or after,
/// space optional. Both a symbol and a code are allowed only if they agree (<c>$45k USD</c>).</description></item>
/// <item><description>words said after the number: a scale (<c>15 grand</c>, <c>40 thousand</c>, <c>2 million</c>) and a currency
/// (<c>8000 dollars</c>, <c>50 euros</c>, <c>20k pounds</c>, <c>15 grand dollars</c>); a scale word after a multiplier (<c>15k grand</c>) is refused.</description></item>
/// <item><description>refused: zero, anything above 1,000,000,000,000, words, stray symbols.</description></item>
/// </list>
/// </remarks>
public static partial class MoneyParser
{
    private const decimal MaxAmount = 1_000_000_000_000m;

    // Longest first, so "mm" is not read as "m" after a number ending in "m".
    private static readonly (string Suffix, decimal Factor)[] Multipliers =
    [
        ("mm", 1_000_000m),
        ("bn", 1_000_000_000m),
        ("k", 1_000m),
        ("m", 1_000_000m),
        ("b", 1_000_000_000m),
    ];

    // Multi-word connectors before their single-word tails ("valued at" before "at").
    private static readonly string[] Connectors = ["valued at", "worth", "for", "at", "of"];

    /// <summary>Parses the whole of <paramref name="text"/> as an amount.</summary>
    public static bool TryParse(string text, out Money money)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out money, out _);
    }

    /// <summary>
    /// Finds an amount in the last one or two words of a phrase ("Contoso Ltd 45k", "Fabrikam USD 250k")
    /// and returns what came before it, without a connector such as "worth" or "valued at".
    /// </summary>
    /// <remarks>
    /// A plain number (no currency, multiplier or thousands separator) is taken as an amount after a connector
    /// ("Contoso worth 45000"), on its own, or when it has four or more digits and is not a year ("Tailspin 4500"),
    /// because names often end in numbers ("Phase 2", "Vision 2030").
    /// On failure <paramref name="rest"/> is <paramref name="text"/> unchanged.
    /// </remarks>
    public static bool TryFindTrailing(string text, out Money money, out string rest)
    {
        ArgumentNullException.ThrowIfNull(text);

        var words = PhraseTail.Words(text);
        for (var count = Math.Min(2, words.Length); count >= 1; count--)
        {
            if (!TryParse(string.Join(' ', words[^count..]), out money, out var isPlainNumber))
            {
                continue;
            }

            var before = PhraseTail.Tidy(PhraseTail.DropLastWords(text, count), Connectors, out var hadConnector);
            if (isPlainNumber && before.Length > 0 && !hadConnector && !LooksLikeAmount(money))
            {
                continue;
            }

            rest = before;
            return true;
        }

        money = default;
        rest = text;
        return false;
    }

    // "Tailspin 4500" is an amount; "Phase 2" and "Vision 2030" are names: a bare trailing number counts
    // when it has four or more digits and is not a year.
    internal static bool LooksLikeAmount(Money money) =>
        money.Amount >= 1000 && decimal.Truncate(money.Amount) == money.Amount && money.Amount is not (>= 1900 and <= 2100);

    /// <summary>Parses an amount and says whether it was a plain number (no currency, multiplier or thousands separator).</summary>
    internal static bool TryParse(string text, out Money money, out bool isPlainNumber)
    {
        money = default;
        isPlainNumber = false;

        // "8000 dollars", "15 grand", "40 thousand euros": the words people say after a number.
        var said = text.Trim();
        var (wordFactor, wordCurrency) = TakeAmountWords(ref said);
        if (!TryTakeCurrency(said, out var currency, out var amountText) || (wordCurrency is not null && currency is not null && wordCurrency != currency))
        {
            return false;
        }

        currency ??= wordCurrency;
        var factor = TakeMultiplier(amountText, out var numberText);
        if (wordFactor != 1)
        {
            // "15k grand" says the thousand twice: not an amount.
            if (factor != 1)
            {
                return false;
            }

            factor = wordFactor;
        }

        // TryParse rather than Parse: 30 digits are well-formed but overflow decimal.
        // The cap is checked before multiplying for the same reason.
        if (!PlainNumber().IsMatch(numberText)
            || !decimal.TryParse(numberText.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number == 0
            || number > MaxAmount / factor)
        {
            return false;
        }

        // Dividing by 1.000… drops trailing zeros of the scale, so "1.2m" is 1200000, not 1200000.0.
        money = new Money(number * factor / 1.000000000000000000000000000000000m, currency);
        isPlainNumber = currency is null && factor == 1 && !numberText.Contains(',', StringComparison.Ordinal);
        return true;
    }

    // Takes "dollars", "grand", "thousand euros" off the end of a number; the factor and the currency they say.
    private static (decimal Factor, string? Currency) TakeAmountWords(ref string text)
    {
        var match = AmountWordsPattern().Match(text);
        if (!match.Success || match.Index == 0)
        {
            return (1, null);
        }

        text = text[..match.Index].TrimEnd();
        var factor = match.Groups["scale"].Value.ToLowerInvariant() switch
        {
            "grand" or "thousand" => 1_000m,
            "million" or "mil" => 1_000_000m,
            "billion" => 1_000_000_000m,
            _ => 1m,
        };
        var currency = match.Groups["currency"].Value.ToLowerInvariant() switch
        {
            "dollar" or "dollars" or "bucks" => "USD",
            "euro" or "euros" => "EUR",
            "pound" or "pounds" or "quid" => "GBP",
            _ => null,
        };
        return (factor, currency);
    }

    private static bool TryTakeCurrency(string text, out string? currency, out string rest)
    {
        var leading = TakeLeadingCurrency(text, out rest);
        var trailing = TakeTrailingCurrency(rest, out rest);

        currency = leading ?? trailing;
        return leading is null || trailing is null || leading == trailing;
    }

    private static string? TakeLeadingCurrency(string text, out string rest)
    {
        if (text.Length > 0 && CurrencySymbols.TryGetCode(text[0], out var code))
        {
            rest = text[1..].TrimStart();
            return code;
        }

        if (text.Length >= 3 && CurrencySymbols.Codes.TryGetValue(text[..3], out var isoCode))
        {
            rest = text[3..].TrimStart();
            return isoCode;
        }

        rest = text;
        return null;
    }

    private static string? TakeTrailingCurrency(string text, out string rest)
    {
        if (text.Length >= 3 && CurrencySymbols.Codes.TryGetValue(text[^3..], out var isoCode))
        {
            rest = text[..^3].TrimEnd();
            return isoCode;
        }

        rest = text;
        return null;
    }

    private static decimal TakeMultiplier(string text, out string number)
    {
        foreach (var (suffix, factor) in Multipliers)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                number = text[..^suffix.Length];
                return factor;
            }
        }

        number = text;
        return 1;
    }

    [GeneratedRegex(@"\s+(?:(?<scale>grand|thousand|million|mil|billion)(?:\s+(?<currency>dollars?|bucks|euros?|pounds?|quid))?|(?<currency>dollars?|bucks|euros?|pounds?|quid))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountWordsPattern();

    // ASCII digits (\d would also admit other scripts' digits), either ungrouped or grouped
    // by commas in threes, with an optional decimal part.
    [GeneratedRegex(@"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
