using System.Globalization;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding;

public class DateExpressionParserTests
{
    // A Wednesday.
    private static readonly DateOnly Today = Day("2026-11-25");

    [Theory]
    // Named days
    [InlineData("today", "2026-11-25")]
    [InlineData("  TODAY  ", "2026-11-25")]
    [InlineData("today.", "2026-11-25")]
    [InlineData("today!", "2026-11-25")]
    [InlineData("eod", "2026-11-25")]
    [InlineData("end of day", "2026-11-25")]
    [InlineData("tomorrow", "2026-11-26")]
    [InlineData("Tomorrow,", "2026-11-26")]
    [InlineData("tmrw", "2026-11-26")]
    [InlineData("day after tomorrow", "2026-11-27")]
    [InlineData("the day after tomorrow", "2026-11-27")]
    // A weekday is the coming one, 1-7 days ahead: today's weekday means next week
    [InlineData("thursday", "2026-11-26")]
    [InlineData("thurs", "2026-11-26")]
    [InlineData("thu", "2026-11-26")]
    [InlineData("friday", "2026-11-27")]
    [InlineData("Fri", "2026-11-27")]
    [InlineData("sat", "2026-11-28")]
    [InlineData("sunday", "2026-11-29")]
    [InlineData("mon", "2026-11-30")]
    [InlineData("tues", "2026-12-01")]
    [InlineData("tue", "2026-12-01")]
    [InlineData("wednesday", "2026-12-02")]
    [InlineData("wed", "2026-12-02")]
    // "this" allows today; "next" is in next week (weeks start on Monday)
    [InlineData("this wednesday", "2026-11-25")]
    [InlineData("this friday", "2026-11-27")]
    [InlineData("this tuesday", "2026-12-01")]
    [InlineData("next monday", "2026-11-30")]
    [InlineData("next wednesday", "2026-12-02")]
    [InlineData("next friday", "2026-12-04")]
    [InlineData("Next Fri", "2026-12-04")]
    [InlineData("next sunday", "2026-12-06")]
    [InlineData("next week", "2026-11-30")]
    // Offsets; months are calendar months
    [InlineData("in 1 day", "2026-11-26")]
    [InlineData("in a day", "2026-11-26")]
    [InlineData("in 3 days", "2026-11-28")]
    [InlineData("3 days", "2026-11-28")]
    [InlineData("in a week", "2026-12-02")]
    [InlineData("in 1 weeks", "2026-12-02")]
    [InlineData("in 2 weeks", "2026-12-09")]
    [InlineData("2 weeks", "2026-12-09")]
    [InlineData("in two weeks", "2026-12-09")]
    [InlineData("three days", "2026-11-28")]
    [InlineData("in one week", "2026-12-02")]
    [InlineData("In Twelve Months", "2027-11-25")]
    [InlineData("in an month", "2026-12-25")]
    [InlineData("in 1 month", "2026-12-25")]
    [InlineData("1 month", "2026-12-25")]
    [InlineData("in 3 months", "2027-02-25")]
    // ...capped at 3 years ahead
    [InlineData("in 1096 days", "2029-11-25")]
    [InlineData("in 156 weeks", "2029-11-21")]
    [InlineData("in 36 months", "2029-11-25")]
    // Ends of periods
    [InlineData("eow", "2026-11-27")]
    [InlineData("end of week", "2026-11-27")]
    [InlineData("end of the week", "2026-11-27")]
    [InlineData("eom", "2026-11-30")]
    [InlineData("end of month", "2026-11-30")]
    [InlineData("the end of this month", "2026-11-30")]
    [InlineData("eoq", "2026-12-31")]
    [InlineData("end of quarter", "2026-12-31")]
    [InlineData("end of the quarter", "2026-12-31")]
    [InlineData("eoy", "2026-12-31")]
    [InlineData("end of year", "2026-12-31")]
    // Month and day, either order; without a year, the next one not before today
    [InlineData("dec 15", "2026-12-15")]
    [InlineData("Dec. 15", "2026-12-15")]
    [InlineData("december 15", "2026-12-15")]
    [InlineData("dec 15th", "2026-12-15")]
    [InlineData("15 dec", "2026-12-15")]
    [InlineData("15th december", "2026-12-15")]
    [InlineData("15th of December", "2026-12-15")]
    [InlineData("nov 25", "2026-11-25")]
    [InlineData("nov 24", "2027-11-24")]
    [InlineData("jan 2", "2027-01-02")]
    [InlineData("may 1st", "2027-05-01")]
    [InlineData("sept 3rd", "2027-09-03")]
    [InlineData("december 15, 2027", "2027-12-15")]
    [InlineData("dec 15 2027", "2027-12-15")]
    [InlineData("15 dec 2027", "2027-12-15")]
    [InlineData("15th of december 2027", "2027-12-15")]
    [InlineData("march 3 2025", "2025-03-03")]
    // Numbers: US month/day unless the first number cannot be a month
    [InlineData("12/15", "2026-12-15")]
    [InlineData("15/12", "2026-12-15")]
    [InlineData("1/2", "2027-01-02")]
    [InlineData("11/24", "2027-11-24")]
    [InlineData("12/15/2026", "2026-12-15")]
    [InlineData("15/12/2026", "2026-12-15")]
    [InlineData("12/15/26", "2026-12-15")]
    [InlineData("3/4/2025", "2025-03-04")]
    [InlineData("2026-12-15", "2026-12-15")]
    [InlineData("2027-1-5", "2027-01-05")]
    [InlineData("2020-01-01", "2020-01-01")] // the past is the caller's call
    public void A_date_expression_resolves_against_today(string text, string expected)
    {
        Assert.True(DateExpressionParser.TryParse(text, Today, out var date));
        Assert.Equal(Day(expected), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("soon")]
    [InlineData("asap")]
    [InlineData("15")]
    [InlineData("45k")]
    [InlineData("2027")]
    [InlineData("15th")]
    [InlineData("dec")]
    [InlineData("next")]
    [InlineData("this")]
    [InlineData("friday next")]
    [InlineData("last friday")]
    [InlineData("next month")] // which day of it? better to ask
    [InlineData("this week")]
    [InlineData("by friday")] // connectors belong to TryParseTrailing
    [InlineData("fri dec 15")]
    // Impossible dates
    [InlineData("feb 30")]
    [InlineData("december 32")]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("13/13")]
    [InlineData("12/32")]
    [InlineData("0/10")]
    [InlineData("dec 15 27")] // two-digit years only in numeric dates
    [InlineData("december of 15")]
    // Offsets must be whole, positive and at most 3 years ahead
    [InlineData("in -3 days")]
    [InlineData("in 0 days")] // people say "today"
    [InlineData("0 days")]
    [InlineData("in 3.5 days")]
    [InlineData("a week")] // without "in", more likely a duration
    [InlineData("in days")]
    [InlineData("in 3 fortnights")]
    [InlineData("in 1097 days")]
    [InlineData("in 5000 days")]
    [InlineData("in 99999999999 days")]
    [InlineData("in 157 weeks")]
    [InlineData("in 37 months")]
    [InlineData("in 9999 months")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(DateExpressionParser.TryParse(text, Today, out var date));
        Assert.Equal(default, date);
    }

    [Theory]
    //          today         friday        this friday   next friday   end of week
    [InlineData("2026-11-23", "2026-11-27", "2026-11-27", "2026-12-04", "2026-11-27")] // Monday
    [InlineData("2026-11-25", "2026-11-27", "2026-11-27", "2026-12-04", "2026-11-27")] // Wednesday
    [InlineData("2026-11-27", "2026-12-04", "2026-11-27", "2026-12-04", "2026-11-27")] // Friday
    [InlineData("2026-11-28", "2026-12-04", "2026-12-04", "2026-12-04", "2026-12-04")] // Saturday
    [InlineData("2026-11-29", "2026-12-04", "2026-12-04", "2026-12-04", "2026-12-04")] // Sunday
    public void Weekday_modifiers_work_the_same_from_any_day_of_the_week(string today, string friday, string thisFriday, string nextFriday, string endOfWeek)
    {
        var day = Day(today);

        Assert.Equal(Day(friday), Parse("friday", day));
        Assert.Equal(Day(thisFriday), Parse("this friday", day));
        Assert.Equal(Day(nextFriday), Parse("next friday", day));
        Assert.Equal(Day(endOfWeek), Parse("eow", day));
    }

    [Theory]
    // Around the turn of the year
    [InlineData("2026-12-30", "jan 2", "2027-01-02")]
    [InlineData("2026-12-30", "1/2", "2027-01-02")]
    [InlineData("2026-12-30", "dec 30", "2026-12-30")]
    [InlineData("2026-12-30", "dec 29", "2027-12-29")]
    [InlineData("2026-12-30", "tomorrow", "2026-12-31")]
    [InlineData("2026-12-30", "day after tomorrow", "2027-01-01")]
    [InlineData("2026-12-30", "friday", "2027-01-01")]
    [InlineData("2026-12-30", "next friday", "2027-01-08")]
    [InlineData("2026-12-30", "next week", "2027-01-04")]
    [InlineData("2026-12-30", "in 1 month", "2027-01-30")]
    [InlineData("2026-12-30", "eom", "2026-12-31")]
    [InlineData("2026-12-30", "eoq", "2026-12-31")]
    // Months clamp to the month's end
    [InlineData("2027-01-31", "in 1 month", "2027-02-28")]
    [InlineData("2028-01-31", "in 1 month", "2028-02-29")]
    // Quarter ends
    [InlineData("2027-01-01", "eoq", "2027-03-31")]
    [InlineData("2027-05-10", "end of quarter", "2027-06-30")]
    [InlineData("2027-09-30", "eoq", "2027-09-30")]
    [InlineData("2028-02-10", "eom", "2028-02-29")]
    // Leap day: the year is chosen first, then the date must exist in it
    [InlineData("2027-03-01", "feb 29", "2028-02-29")]
    [InlineData("2028-01-10", "feb 29", "2028-02-29")]
    [InlineData("2028-01-10", "2/29", "2028-02-29")]
    [InlineData("2027-01-10", "feb 29 2028", "2028-02-29")]
    public void Dates_resolve_across_year_ends_and_month_lengths(string today, string text, string expected)
    {
        Assert.True(DateExpressionParser.TryParse(text, Day(today), out var date));
        Assert.Equal(Day(expected), date);
    }

    [Theory]
    [InlineData("2027-01-10", "feb 29")] // this year's Feb 29 does not exist; 2028 is more than a year off
    [InlineData("2028-03-01", "feb 29")] // already past, and 2029 has none
    [InlineData("2027-01-10", "2/29")]
    [InlineData("2027-01-10", "feb 29 2027")]
    [InlineData("2027-01-10", "2027-02-29")]
    public void A_leap_day_that_does_not_exist_in_the_chosen_year_is_refused(string today, string text)
    {
        Assert.False(DateExpressionParser.TryParse(text, Day(today), out _));
    }

    [Theory]
    [InlineData("send pricing by friday", "send pricing", "2026-11-27")]
    [InlineData("call CFO next tuesday", "call CFO", "2026-12-01")]
    [InlineData("demo on dec 15", "demo", "2026-12-15")]
    [InlineData("send pricing, by friday.", "send pricing", "2026-11-27")]
    [InlineData("call CFO - tomorrow", "call CFO", "2026-11-26")]
    [InlineData("Ship it: 2026-12-15", "Ship it", "2026-12-15")]
    [InlineData("proposal due friday", "proposal", "2026-11-27")]
    [InlineData("proposal due by 12/15", "proposal", "2026-12-15")]
    [InlineData("proposal due on dec 15th", "proposal", "2026-12-15")]
    [InlineData("proposal DUE BY Friday", "proposal", "2026-11-27")]
    [InlineData("hold the slot until jan 2", "hold the slot", "2027-01-02")]
    [InlineData("hold till eom", "hold", "2026-11-30")]
    [InlineData("sign before 15/12", "sign", "2026-12-15")]
    [InlineData("prep deck for this friday", "prep deck", "2026-11-27")]
    [InlineData("can we meet friday?", "can we meet", "2026-11-27")]
    // The longest expression wins
    [InlineData("follow up in 2 weeks", "follow up", "2026-12-09")]
    [InlineData("meet in a week", "meet", "2026-12-02")]
    [InlineData("call the day after tomorrow", "call", "2026-11-27")]
    [InlineData("book demo by the end of the month", "book demo", "2026-11-30")]
    [InlineData("renewal december 15, 2027", "renewal", "2027-12-15")]
    [InlineData("renewal 15th of december 2027", "renewal", "2027-12-15")]
    [InlineData("Review Q4 with Anna  on 12/15", "Review Q4 with Anna", "2026-12-15")]
    // Nothing before the date
    [InlineData("friday", "", "2026-11-27")]
    [InlineData("by friday", "", "2026-11-27")]
    public void A_trailing_date_is_split_from_the_task_before_it(string text, string rest, string expected)
    {
        Assert.True(DateExpressionParser.TryParseTrailing(text, Today, out var date, out var actualRest));
        Assert.Equal(rest, actualRest);
        Assert.Equal(Day(expected), date);
    }

    [Theory]
    [InlineData("send pricing")]
    [InlineData("")]
    [InlineData("call 15")]
    [InlineData("budget 45k")]
    [InlineData("call in 0 days")]
    [InlineData("renew feb 30")]
    public void Without_a_trailing_date_the_text_is_returned_unchanged(string text)
    {
        Assert.False(DateExpressionParser.TryParseTrailing(text, Today, out var date, out var rest));
        Assert.Equal(text, rest);
        Assert.Equal(default, date);
    }

    [Theory]
    // A close date names a period and means its last day; quarters are calendar quarters.
    [InlineData("2026-11-25", "end of month", "2026-11-30")]
    [InlineData("2026-11-25", "end of quarter", "2026-12-31")]
    [InlineData("2026-11-25", "next month", "2026-12-31")]
    [InlineData("2026-11-25", "next quarter", "2027-03-31")]
    [InlineData("2026-11-25", "Q1", "2027-03-31")]
    [InlineData("2026-11-25", "end of Q1", "2027-03-31")]
    [InlineData("2026-11-25", "Q2", "2027-06-30")]
    [InlineData("2026-11-25", "Q4", "2026-12-31")]
    [InlineData("2026-11-25", "end of january", "2027-01-31")]
    [InlineData("2026-11-25", "february", "2027-02-28")]
    [InlineData("2026-11-25", "dec 15", "2026-12-15")]
    [InlineData("2027-02-10", "next quarter", "2027-06-30")]
    [InlineData("2027-02-10", "Q1", "2027-03-31")]
    [InlineData("2026-12-31", "next month", "2027-01-31")]
    public void A_close_date_may_name_a_period(string today, string text, string expected)
    {
        Assert.True(DateExpressionParser.TryParseCloseDate(text, Day(today), out var date), text);
        Assert.Equal(Day(expected), date);
    }

    [Theory]
    // Quarters follow the process file's fiscal year start: with April, Q1 is April-June; with October, Q1 is October-December.
    [InlineData(4, "2026-11-29", "end of quarter", "2026-12-31")]
    [InlineData(10, "2026-11-29", "end of quarter", "2026-12-31")]
    [InlineData(2, "2026-11-29", "end of quarter", "2027-01-31")]
    [InlineData(2, "2026-11-29", "eoq", "2027-01-31")]
    [InlineData(2, "2026-11-29", "by the end of the quarter", "2027-01-31")]
    [InlineData(4, "2026-11-29", "Q1", "2027-06-30")]
    [InlineData(4, "2026-05-10", "Q1", "2026-06-30")]
    [InlineData(4, "2026-11-29", "Q3", "2026-12-31")]
    [InlineData(4, "2026-11-29", "end of Q4", "2027-03-31")]
    [InlineData(4, "2026-11-29", "next quarter", "2027-03-31")]
    [InlineData(4, "2026-11-29", "this quarter", "2026-12-31")]
    [InlineData(10, "2026-11-29", "Q1", "2026-12-31")]
    [InlineData(10, "2026-11-29", "Q2", "2027-03-31")]
    [InlineData(10, "2026-11-29", "end of Q3", "2027-06-30")]
    [InlineData(10, "2026-11-29", "next quarter", "2027-03-31")]
    [InlineData(10, "2026-09-15", "this quarter", "2026-09-30")]
    [InlineData(1, "2026-11-29", "Q1", "2027-03-31")]
    public void Quarters_count_from_the_fiscal_year_start(int firstMonth, string today, string text, string expected)
    {
        Assert.True(DateExpressionParser.TryParseCloseDate(text, new DateBasis(Day(today), firstMonth), out var date), text);
        Assert.Equal(Day(expected), date);
    }

    [Theory]
    // A due date ("send it by end of quarter") reads quarters the same way.
    [InlineData(4, "send pricing by end of quarter", "2026-12-31")]
    [InlineData(2, "send pricing by eoq", "2027-01-31")]
    public void A_due_date_at_the_end_of_a_quarter_follows_the_fiscal_year(int firstMonth, string text, string expected)
    {
        Assert.True(DateExpressionParser.TryParseTrailing(text, new DateBasis(Day("2026-11-29"), firstMonth), out var date, out var rest), text);
        Assert.Equal(Day(expected), date);
        Assert.Equal("send pricing", rest);
    }

    [Theory]
    // Something done looks back: a weekday is the most recent one on or before today (a Wednesday).
    [InlineData("today", "2026-11-25")]
    [InlineData("this morning", "2026-11-25")]
    [InlineData("yesterday", "2026-11-24")]
    [InlineData("monday", "2026-11-23")]
    [InlineData("on friday", "2026-11-20")]
    [InlineData("wednesday", "2026-11-25")]
    [InlineData("last wednesday", "2026-11-18")]
    [InlineData("nov 20", "2026-11-20")]
    [InlineData("11/23", "2026-11-23")]
    [InlineData("dec 1", "2025-12-01")]
    public void A_date_in_the_past_looks_back(string text, string expected)
    {
        Assert.True(DateExpressionParser.TryParsePast(text, Today, out var date), text);
        Assert.Equal(Day(expected), date);
    }

    [Theory]
    [InlineData("Q5")]
    [InlineData("next year")]
    [InlineData("soon")]
    [InlineData("may")]
    public void A_close_date_that_names_no_period_is_refused(string text)
    {
        Assert.False(DateExpressionParser.TryParseCloseDate(text, Today, out _));
    }

    private static DateOnly Parse(string text, DateOnly today)
    {
        Assert.True(DateExpressionParser.TryParse(text, today, out var date), text);
        return date;
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
