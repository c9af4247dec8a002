using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Insights;

/// <summary>
/// Sums of money, one per currency: amounts in different currencies are never added together (there is no rate to
/// convert them with). An amount without a currency is its own group.
/// </summary>
public sealed record MoneyTotals(IReadOnlyList<Money> PerCurrency)
{
    public static MoneyTotals None { get; } = new([]);

    public bool IsEmpty => PerCurrency.Count == 0;

    /// <summary>More than one currency: the host says the figures are per currency.</summary>
    public bool IsMixed => PerCurrency.Count > 1;

    public static MoneyTotals Sum(IEnumerable<Money> amounts) =>
        new(amounts
            .GroupBy(m => m.Currency, StringComparer.Ordinal)
            .Select(g => new Money(g.Sum(m => m.Amount), g.Key))
            .OrderBy(m => m.Currency ?? string.Empty, StringComparer.Ordinal)
            .ToList());

    /// <summary>The total in one currency (zero when none).</summary>
    public decimal In(string? currency) => PerCurrency.Where(m => m.Currency == currency).Sum(m => m.Amount);

    /// <summary>Each currency's share: this total divided by <paramref name="whole"/>, per currency present in the whole.</summary>
    public IReadOnlyList<(string? Currency, decimal Share)> SharesOf(MoneyTotals whole)
    {
        ArgumentNullException.ThrowIfNull(whole);
        return whole.PerCurrency.Where(m => m.Amount != 0).Select(m => (m.Currency, In(m.Currency) / m.Amount)).ToList();
    }
}
