using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// Resolves the dates salespeople type in chat ("by friday", "in 2 weeks", "dec 15") against the user's own
/// "today" and the fiscal year's first month, passed in by the caller as a <see cref="DateBasis"/>: this class has no clock.
/// </summary>
/// <remarks>
/// Grammar (case-insensitive, words separated by spaces):
/// <list type="bullet">
/// <item><description><c>today</c>, <c>eod</c>, <c>end of day</c>; <c>tomorrow</c>, <c>tmrw</c>; <c>day after tomorrow</c> (optionally "the …").</description></item>
/// <item><description>A weekday (<c>friday</c>, <c>fri</c>, <c>tue</c>, <c>tues</c>, <c>thu</c>, <c>thurs</c>, <c>wed</c>…) is the coming one,
/// 1–7 days ahead: "friday" said on a Friday is a week later.
/// <c>this friday</c> is 0–6 days ahead (today allowed).
/// <c>next friday</c> is the Friday of next week, weeks starting on Monday: said on Wednesday 2026-11-25,
/// "friday" is 2026-11-27 and "next friday" is 2026-12-04.</description></item>
/// <item><description><c>next week</c> is the Monday of next week.</description></item>
/// <item><description><c>in 3 days</c>, <c>in a day</c>, <c>in 2 weeks</c>, <c>in a week</c>, <c>in 1 month</c> ("in" optional with a digit:
/// <c>3 days</c>). Months are calendar months, clamped to the month's end (Jan 31 + 1 month = Feb 28).
/// The count must be at least 1 ("in 0 days" is refused: people say "today") and land at most 3 years ahead.</description></item>
/// <item><description><c>end of week</c>/<c>eow</c>: the coming Friday, 0–6 days ahead. <c>end of month</c>/<c>eom</c>: last day of this month.
/// <c>end of quarter</c>/<c>eoq</c>: last day of this quarter of the fiscal year (<see cref="DateBasis.FiscalYearStartMonth"/>; calendar quarters by default).
/// <c>end of year</c>/<c>eoy</c>: December 31. "the" and "this" are optional: "by the end of the month".</description></item>
/// <item><description>Month and day: <c>dec 15</c>, <c>december 15th</c>, <c>15 dec</c>, <c>15th of december</c>, with an optional
/// four-digit year: <c>december 15, 2027</c>, <c>dec 15 2027</c>, <c>15 dec 2027</c>.</description></item>
/// <item><description>Numbers: <c>12/15</c> is US month/day, unless the first number is above 12 (<c>15/12</c> is day/month);
/// <c>12/15/2026</c>, <c>12/15/26</c> (20xx); ISO <c>2026-12-15</c>.</description></item>
/// <item><description>Without a year, a date is this year's unless that is already past, then next year's.
/// The year is chosen before the date is validated, so "feb 29" in January 2027 is refused rather than
/// silently jumping to 2028.</description></item>
/// <item><description>An explicit year is taken as given, even in the past: the caller decides whether the past is allowed.</description></item>
/// </list>
/// </remarks>
public static partial class DateExpressionParser
{
    /// <summary>Which way a date without a year or a week points: ahead (a due date), a period's end (a close date), or back (something done).</summary>
    internal enum DateSense
    {
        Ahead,
        CloseDate,
        Past,
    }

    // Far enough from DateOnly.MaxValue that "in 36 months" or "dec 31" next year cannot overflow.
    private const int LatestSupportedYear = 9990;

    private const int MaxYearsAhead = 3;

    // The longest expression is "15th of december 2027" or "the end of this quarter".
    private const int MaxExpressionWords = 5;

    // Multi-word connectors before their single-word tails ("due by" before "by").
    private static readonly string[] Connectors = ["due by", "due on", "before", "until", "till", "due", "by", "on", "for"];

    private static readonly FrozenDictionary<string, Func<DateBasis, DateOnly>> FixedPhrases = BuildFixedPhrases();

    private static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["weds"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1, ["jan"] = 1,
        ["february"] = 2, ["feb"] = 2,
        ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["may"] = 5,
        ["june"] = 6, ["jun"] = 6,
        ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["october"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private enum Unit
    {
        Day,
        Week,
        Month,
    }

    /// <summary>Parses the whole of <paramref name="text"/> as a date expression.</summary>
    public static bool TryParse(string text, DateBasis basis, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(basis.Today.Year, LatestSupportedYear);

        return TryParseWords(PhraseTail.Words(WithoutEndPunctuation(text)), basis, DateSense.Ahead, out date);
    }

    /// <summary>
    /// Parses the whole of <paramref name="text"/> as an expected close date: any date <see cref="TryParse"/> reads, or the
    /// last day of a named period, because a deal closes within a period: <c>end of quarter</c>, <c>next quarter</c>,
    /// <c>Q1</c>, <c>end of Q1</c>, <c>this month</c>, <c>next month</c>, <c>end of january</c>, <c>february</c> (the next one
    /// not yet over). Quarters count from <see cref="DateBasis.FiscalYearStartMonth"/> (see <see cref="QuarterEnd"/>).
    /// </summary>
    public static bool TryParseCloseDate(string text, DateBasis basis, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(basis.Today.Year, LatestSupportedYear);

        return TryParseWords(PhraseTail.Words(WithoutEndPunctuation(text)), basis, DateSense.CloseDate, out date);
    }

    /// <summary>
    /// Parses the whole of <paramref name="text"/> as the date something was done, looking back: <c>yesterday</c>,
    /// <c>this morning</c>, <c>monday</c> (the most recent Monday on or before today), <c>last friday</c>, <c>nov 20</c> and
    /// <c>11/23</c> (this year's unless still ahead, then last year's).
    /// </summary>
    public static bool TryParsePast(string text, DateBasis basis, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(basis.Today.Year, LatestSupportedYear);

        return TryParseWords(PhraseTail.Words(WithoutEndPunctuation(text)), basis, DateSense.Past, out date);
    }

    /// <summary>
    /// Finds the longest date expression at the end of a phrase ("send pricing by friday") and returns what came
    /// before it, without a connector such as "by", "on" or "due by". On failure <paramref name="rest"/> is
    /// <paramref name="text"/> unchanged.
    /// </summary>
    public static bool TryParseTrailing(string text, DateBasis basis, out DateOnly date, out string rest) =>
        TryParseTrailing(text, basis, DateSense.Ahead, out date, out rest);

    /// <summary><see cref="TryParseTrailing(string, DateBasis, out DateOnly, out string)"/> for a close date or a date in the past.</summary>
    internal static bool TryParseTrailing(string text, DateBasis basis, DateSense sense, out DateOnly date, out string rest)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(basis.Today.Year, LatestSupportedYear);

        var phrase = WithoutEndPunctuation(text);
        var words = PhraseTail.Words(phrase);
        for (var count = Math.Min(MaxExpressionWords, words.Length); count >= 1; count--)
        {
            if (TryParseWords(words[^count..], basis, sense, out date))
            {
                rest = PhraseTail.Tidy(PhraseTail.DropLastWords(phrase, count), Connectors, out _);
                return true;
            }
        }

        date = default;
        rest = text;
        return false;
    }

    private static string WithoutEndPunctuation(string text) => text.Trim().TrimEnd('.', ',', '!', '?').TrimEnd();

    // An experienced rep's shorthand: "in 3 wks", "next wk", "next qtr", "in 2 mos".
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wk"] = "week", ["wks"] = "weeks", ["qtr"] = "quarter", ["qtrs"] = "quarters", ["mo"] = "month", ["mos"] = "months",
        ["mth"] = "month", ["mths"] = "months", ["yr"] = "year", ["yrs"] = "years",
    };

    private static bool TryParseWords(string[] words, DateBasis basis, DateSense sense, out DateOnly date) =>
        TryParseWholeWords(Array.ConvertAll(words, w => Abbreviations.TryGetValue(w, out var full) ? full : w), basis, sense, out date);

    private static bool TryParseWholeWords(string[] words, DateBasis basis, DateSense sense, out DateOnly date) => sense switch
    {
        DateSense.Past => TryPastPhrase(words, basis.Today, out date)
            || TryPastWeekday(words, basis.Today, out date)
            || TryMonthAndDay(words, basis.Today, lookBack: true, out date)
            || TryNumeric(words, basis.Today, lookBack: true, out date),
        DateSense.CloseDate => TryParseWholeWords(words, basis, DateSense.Ahead, out date)
            || TryPeriodEnd(words, basis, out date),
        _ => TryFixedPhrase(words, basis, out date)
            || TryWeekday(words, basis.Today, out date)
            || TryRelative(words, basis.Today, out date)
            || TryMonthAndDay(words, basis.Today, lookBack: false, out date)
            || TryNumeric(words, basis.Today, lookBack: false, out date),
    };

    // "today", "this morning", "yesterday", "last night": something done.
    private static bool TryPastPhrase(string[] words, DateOnly today, out DateOnly date)
    {
        int? daysBack = string.Join(' ', words).ToLowerInvariant() switch
        {
            "today" or "this morning" or "this afternoon" or "this evening" or "earlier today" or "tonight" or "eod" => 0,
            "yesterday" or "last night" or "yesterday morning" or "yesterday afternoon" or "yesterday evening" => 1,
            "day before yesterday" or "the day before yesterday" => 2,
            _ => null,
        };

        date = daysBack is { } back ? today.AddDays(-back) : default;
        return daysBack is not null;
    }

    // "monday" in a report of something done is the most recent Monday on or before today; "last monday" is before today.
    private static bool TryPastWeekday(string[] words, DateOnly today, out DateOnly date)
    {
        date = default;
        var (modifier, name) = words switch
        {
            [var only] => ("", only),
            [var first, var second] => (first.ToLowerInvariant(), second),
            _ => ("", ""),
        };

        if (!Weekdays.TryGetValue(name, out var weekday) || modifier is not ("" or "last" or "on" or "this"))
        {
            return false;
        }

        var back = ((int)today.DayOfWeek - (int)weekday + 7) % 7;
        date = today.AddDays(-(back == 0 && modifier == "last" ? 7 : back));
        return true;
    }

    // A close date names a period and means its last day: "next month", "Q1", "end of january", "february".
    private static bool TryPeriodEnd(string[] words, DateBasis basis, out DateOnly date)
    {
        date = default;
        var today = basis.Today;
        var firstMonth = basis.FiscalYearStartMonth;
        var phrase = string.Join(' ', words).ToLowerInvariant();
        foreach (var start in new[] { "the end of ", "end of ", "by the end of ", "by end of " })
        {
            if (phrase.StartsWith(start, StringComparison.Ordinal))
            {
                phrase = phrase[start.Length..];
                break;
            }
        }

        phrase = phrase.StartsWith("the ", StringComparison.Ordinal) ? phrase[4..] : phrase;
        DateOnly? end = phrase switch
        {
            "this month" or "month" => EndOfMonth(today),
            "next month" => EndOfMonth(EndOfMonth(today).AddDays(1)),
            "this quarter" or "quarter" => QuarterEnd(today, firstMonth, 0),
            "next quarter" => QuarterEnd(today, firstMonth, 1),
            "this year" or "year" => EndOfYear(today),
            _ => null,
        };

        if (end is null && QuarterName().Match(phrase) is { Success: true } quarter)
        {
            end = QuarterEnd(today, firstMonth, QuartersAhead(today, firstMonth, quarter.Groups["n"].ValueSpan[0] - '0'));
        }

        // A whole month: "february", "end of january" (abbreviations like "mar" or "may" are too often other words).
        if (end is null && phrase.Length > 3 && Months.TryGetValue(phrase, out var month))
        {
            var year = month < today.Month ? today.Year + 1 : today.Year;
            end = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        }

        date = end ?? default;
        return end is not null;
    }

    // Quarters are fiscal quarters, counted from the process file's fiscalYearStartMonth (1, January, by default): every quarter
    // computation goes through the two methods below.

    /// <summary>
    /// The last day of the quarter <paramref name="quartersAhead"/> after the one <paramref name="today"/> is in (0: this quarter),
    /// in a fiscal year starting in month <paramref name="firstMonthOfYear"/>.
    /// </summary>
    internal static DateOnly QuarterEnd(DateOnly today, int firstMonthOfYear, int quartersAhead) =>
        QuarterStart(today, firstMonthOfYear).AddMonths(3 * (quartersAhead + 1)).AddDays(-1);

    /// <summary>The first day of the fiscal quarter holding <paramref name="today"/>.</summary>
    internal static DateOnly QuarterStart(DateOnly today, int firstMonthOfYear) =>
        new DateOnly(today.Year, today.Month, 1).AddMonths(-(MonthsIntoYear(today, firstMonthOfYear) % 3));

    /// <summary>The first day of the fiscal year holding <paramref name="today"/>.</summary>
    internal static DateOnly YearStart(DateOnly today, int firstMonthOfYear) =>
        new DateOnly(today.Year, today.Month, 1).AddMonths(-MonthsIntoYear(today, firstMonthOfYear));

    private static int MonthsIntoYear(DateOnly today, int firstMonthOfYear) => (today.Month - firstMonthOfYear + 12) % 12;

    /// <summary>
    /// How many quarters ahead "Q<paramref name="quarter"/>" of a fiscal year starting in month <paramref name="firstMonthOfYear"/> is:
    /// 0 for the current one, else the next one of that number.
    /// </summary>
    internal static int QuartersAhead(DateOnly today, int firstMonthOfYear, int quarter)
    {
        var current = MonthsIntoYear(today, firstMonthOfYear) / 3;
        return (quarter - 1 - current + 4) % 4;
    }

    private static bool TryFixedPhrase(string[] words, DateBasis basis, out DateOnly date)
    {
        if (FixedPhrases.TryGetValue(string.Join(' ', words), out var resolve))
        {
            date = resolve(basis);
            return true;
        }

        date = default;
        return false;
    }

    private static FrozenDictionary<string, Func<DateBasis, DateOnly>> BuildFixedPhrases()
    {
        var phrases = new Dictionary<string, Func<DateBasis, DateOnly>>(StringComparer.OrdinalIgnoreCase)
        {
            ["today"] = basis => basis.Today,
            ["eod"] = basis => basis.Today,
            ["tomorrow"] = basis => basis.Today.AddDays(1),
            ["tmrw"] = basis => basis.Today.AddDays(1),
            ["tomorrow morning"] = basis => basis.Today.AddDays(1),
            ["tomorrow afternoon"] = basis => basis.Today.AddDays(1),
            ["day after tomorrow"] = basis => basis.Today.AddDays(2),
            ["the day after tomorrow"] = basis => basis.Today.AddDays(2),
            ["next week"] = basis => MondayOfNextWeek(basis.Today),
            ["eow"] = basis => ComingFriday(basis.Today),
            ["eom"] = basis => EndOfMonth(basis.Today),
            ["eoq"] = EndOfQuarter,
            ["eoy"] = basis => EndOfYear(basis.Today),
        };

        var periodEnds = new Dictionary<string, Func<DateBasis, DateOnly>>
        {
            ["day"] = basis => basis.Today,
            ["week"] = basis => ComingFriday(basis.Today),
            ["month"] = basis => EndOfMonth(basis.Today),
            ["quarter"] = EndOfQuarter,
            ["year"] = basis => EndOfYear(basis.Today),
        };

        // "end of month", "end of the month", "the end of this month"…
        foreach (var (period, resolve) in periodEnds)
        {
            foreach (var start in new[] { "end of", "the end of" })
            {
                foreach (var determiner in new[] { "", "the ", "this " })
                {
                    phrases[$"{start} {determiner}{period}"] = resolve;
                }
            }
        }

        return phrases.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static bool TryWeekday(string[] words, DateOnly today, out DateOnly date)
    {
        date = default;
        var (modifier, name) = words switch
        {
            [var only] => ("", only),
            [var first, var second] => (first, second),
            _ => ("", ""),
        };

        if (!Weekdays.TryGetValue(name, out var weekday))
        {
            return false;
        }

        if (modifier.Length == 0)
        {
            date = NextOccurrence(today, weekday, earliest: 1);
        }
        else if (modifier.Equals("this", StringComparison.OrdinalIgnoreCase))
        {
            date = NextOccurrence(today, weekday, earliest: 0);
        }
        else if (modifier.Equals("next", StringComparison.OrdinalIgnoreCase))
        {
            date = MondayOfNextWeek(today).AddDays(DaysSinceMonday(weekday));
        }
        else
        {
            return false;
        }

        return true;
    }

    private static bool TryRelative(string[] words, DateOnly today, out DateOnly date)
    {
        date = default;
        var (count, unit) = words switch
        {
            [var inWord, var number, var unitWord] when inWord.Equals("in", StringComparison.OrdinalIgnoreCase)
                => (ParseCount(number, allowArticle: true), ParseUnit(unitWord)),
            [var number, var unitWord] => (ParseCount(number, allowArticle: false), ParseUnit(unitWord)),
            _ => (null, null),
        };

        if (count is not > 0 || unit is null)
        {
            return false;
        }

        // Capped before adding, so "in 5000 months" is refused rather than overflowing.
        var latest = today.AddYears(MaxYearsAhead);
        var candidate = unit switch
        {
            Unit.Day when count <= latest.DayNumber - today.DayNumber => today.AddDays(count.Value),
            Unit.Week when count <= (latest.DayNumber - today.DayNumber) / 7 => today.AddDays(count.Value * 7),
            Unit.Month when count <= MaxYearsAhead * 12 => today.AddMonths(count.Value),
            _ => (DateOnly?)null,
        };

        if (candidate is not { } resolved)
        {
            return false;
        }

        date = resolved;
        return true;
    }

    private static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // "a"/"an" only after "in": "in a week" is a date, "a week" on its own is more likely a duration.
    private static int? ParseCount(string word, bool allowArticle)
    {
        if (allowArticle && (word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase) || word.Equals("one", StringComparison.OrdinalIgnoreCase)))
        {
            return 1;
        }

        // "in two weeks", "three days": reps write small numbers as words. ("one day" alone reads as "some day", so only after "in".)
        if (NumberWords.TryGetValue(word, out var said))
        {
            return said;
        }

        return AsciiDigits().IsMatch(word) && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;
    }

    private static Unit? ParseUnit(string word) => word.ToUpperInvariant() switch
    {
        "DAY" or "DAYS" => Unit.Day,
        "WEEK" or "WEEKS" => Unit.Week,
        "MONTH" or "MONTHS" => Unit.Month,
        _ => null,
    };

    private static bool TryMonthAndDay(string[] words, DateOnly today, bool lookBack, out DateOnly date)
    {
        date = default;
        int? year = words.Length > 2 && FourDigitYear().IsMatch(words[^1]) ? int.Parse(words[^1], CultureInfo.InvariantCulture) : null;
        var monthAndDay = year is null ? words : words[..^1];

        return TrySplitMonthAndDay(monthAndDay, out var month, out var day)
            && TryResolve(year, month, day, today, lookBack, out date);
    }

    // "dec 15", "15 dec", "15th of december".
    private static bool TrySplitMonthAndDay(string[] words, out int month, out int day)
    {
        month = day = 0;
        return words switch
        {
            [var first, var second] =>
                (TryParseMonth(first, out month) && TryParseDay(second, out day))
                || (TryParseDay(first, out day) && TryParseMonth(second, out month)),
            [var first, var of, var second] when of.Equals("of", StringComparison.OrdinalIgnoreCase) =>
                TryParseDay(first, out day) && TryParseMonth(second, out month),
            _ => false,
        };
    }

    // "dec." as well as "dec".
    private static bool TryParseMonth(string word, out int month) => Months.TryGetValue(word.TrimEnd('.'), out month);

    // "15", "15th", "1st", and "15," as in "december 15, 2027".
    private static bool TryParseDay(string word, out int day)
    {
        var match = DayOfMonth().Match(word);
        day = match.Success ? int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        return match.Success;
    }

    private static bool TryNumeric(string[] words, DateOnly today, bool lookBack, out DateOnly date)
    {
        date = default;
        if (words is not [var word])
        {
            return false;
        }

        var iso = IsoDate().Match(word);
        if (iso.Success)
        {
            return TryResolve(Number(iso, "year"), Number(iso, "month"), Number(iso, "day"), today, lookBack, out date);
        }

        var slashed = SlashedDate().Match(word);
        if (!slashed.Success)
        {
            return false;
        }

        var (month, day) = (Number(slashed, "first"), Number(slashed, "second"));
        if (month > 12)
        {
            // Nobody writes a 13th month: the writer put the day first.
            (month, day) = (day, month);
        }

        int? year = slashed.Groups["year"].Success ? Number(slashed, "year") : null;
        if (year < 100)
        {
            year += 2000;
        }

        return TryResolve(year, month, day, today, lookBack, out date);
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    // Without a year, the year is picked from the month and day alone and only then validated, so an impossible
    // "feb 29" is refused instead of jumping to the next leap year.
    // Looking back (something done), a date without a year is this year's unless still ahead, then last year's.
    private static bool TryResolve(int? year, int month, int day, DateOnly today, bool lookBack, out DateOnly date)
    {
        var resolvedYear = year ?? (lookBack
            ? ((month, day).CompareTo((today.Month, today.Day)) > 0 ? today.Year - 1 : today.Year)
            : ((month, day).CompareTo((today.Month, today.Day)) < 0 ? today.Year + 1 : today.Year));
        var valid = resolvedYear is >= 1 and <= 9999
            && month is >= 1 and <= 12
            && day >= 1 && day <= DateTime.DaysInMonth(resolvedYear, month);

        date = valid ? new DateOnly(resolvedYear, month, day) : default;
        return valid;
    }

    private static DateOnly NextOccurrence(DateOnly today, DayOfWeek weekday, int earliest)
    {
        var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead < earliest ? ahead + 7 : ahead);
    }

    private static int DaysSinceMonday(DayOfWeek day) => ((int)day + 6) % 7;

    private static DateOnly MondayOfNextWeek(DateOnly today) => today.AddDays(7 - DaysSinceMonday(today.DayOfWeek));

    private static DateOnly ComingFriday(DateOnly today) => NextOccurrence(today, DayOfWeek.Friday, earliest: 0);

    private static DateOnly EndOfMonth(DateOnly today) => new(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));

    private static DateOnly EndOfQuarter(DateBasis basis) => QuarterEnd(basis.Today, basis.FiscalYearStartMonth, 0);

    private static DateOnly EndOfYear(DateOnly today) => new(today.Year, 12, 31);

    // ASCII only: \d would also admit digits from other scripts.
    [GeneratedRegex("^[0-9]{1,4}$")]
    private static partial Regex AsciiDigits();

    [GeneratedRegex("^q(?<n>[1-4])$")]
    private static partial Regex QuarterName();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex FourDigitYear();

    [GeneratedRegex("^(?<day>[0-9]{1,2})(?:st|nd|rd|th)?,?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayOfMonth();

    [GeneratedRegex("^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex("^(?<first>[0-9]{1,2})/(?<second>[0-9]{1,2})(?:/(?<year>[0-9]{2}|[0-9]{4}))?$")]
    private static partial Regex SlashedDate();
}
