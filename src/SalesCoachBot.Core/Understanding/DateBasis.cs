namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// What the dates in a message are read against: the user's own today, and the month the company's fiscal year starts in
/// (from the process file), which "Q1", "end of quarter" and "next quarter" count from.
/// </summary>
public readonly record struct DateBasis(DateOnly Today, int FiscalYearStartMonth)
{
    /// <summary>A today with calendar quarters (a fiscal year starting in January).</summary>
    public static implicit operator DateBasis(DateOnly today) => FromDateOnly(today);

    /// <summary>A today with calendar quarters (a fiscal year starting in January).</summary>
    public static DateBasis FromDateOnly(DateOnly today) => new(today, 1);
}
