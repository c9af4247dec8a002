using System.Globalization;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Replies;

/// <summary>
/// How dates, times and amounts are written for a user: one place, one culture, so every card and reply says a date
/// the same way. Instants are shown in the user's time zone.
/// </summary>
public static class UserFormat
{
    /// <summary>The culture of the bot's English text (day and month names).</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"Fri 4 Dec 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", Culture);

    /// <summary>"Fri 4 Dec": where the year goes without saying.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("ddd d MMM", Culture);

    /// <summary>"Fri 4 Dec 2026 09:00" in the user's time zone.</summary>
    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM yyyy HH:mm", Culture);

    /// <summary>"Fri 4 Dec 09:00" in the user's time zone: a moment in the coming days.</summary>
    public static string ShortDateTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM HH:mm", Culture);

    public static string Money(Money amount) => amount.Format();

    /// <summary>
    /// An amount short enough for a table cell or a chart label: "$67k", "$1.3M", "€950", "45k CHF". Where it is used,
    /// the exact amount is in the card's text too.
    /// </summary>
    public static string ShortMoney(Money amount)
    {
        var value = Math.Abs(amount.Amount);
        var (scaled, suffix) = value >= 1_000_000m ? (value / 1_000_000m, "M") : value >= 1_000m ? (value / 1_000m, "k") : (value, string.Empty);
        // One decimal while it says something ("1.3M", "7.7k"), none from 100 on ("145k") or for whole small amounts.
        return amount.WithCurrency(scaled.ToString(scaled >= 100 || suffix.Length == 0 ? "#,##0" : "0.#", Culture) + suffix);
    }

    /// <summary>Reads the yyyy-MM-dd value an Input.Date sends; null for anything else.</summary>
    public static DateOnly? ParseInputDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
