using System.Globalization;

namespace SalesCoachBot.Core.Understanding;

/// <summary>An amount of money, optionally tagged with an ISO 4217 currency code (e.g. "USD").</summary>
public readonly record struct Money(decimal Amount, string? Currency)
{
    /// <summary>
    /// Renders the amount for a chat message: "$45,000", "€1,200,000", "45,000 CHF", "45,000" (no currency).
    /// Thousands separators always; cents only when the amount is not whole.
    /// </summary>
    public string Format()
    {
        // Rounded first so that 45000.001 shows as "45,000" rather than "45,000.00".
        var amount = decimal.Round(Math.Abs(Amount), 2);
        return WithCurrency(amount.ToString(decimal.Truncate(amount) == amount ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// <paramref name="number"/>, this amount's size already written (unsigned: "45,000", "67k"), with the amount's sign
    /// and its currency as a symbol before it or a code after it: "-$67k", "45k CHF".
    /// </summary>
    public string WithCurrency(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var sign = Amount < 0 && number != "0" ? "-" : "";
        if (Currency is null)
        {
            return sign + number;
        }

        return CurrencySymbols.TryGetSymbol(Currency, out var symbol)
            ? sign + symbol + number
            : $"{sign}{number} {Currency}";
    }

    public override string ToString() => Format();
}
