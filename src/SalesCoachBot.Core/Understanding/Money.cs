namespace SalesCoachBot.Core.Understanding;

// Placeholder until the parser branch lands; replaced by its full version.
public readonly record struct Money(decimal Amount, string? Currency)
{
    public string Format() => Currency is null ? Amount.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) : $"{Amount:#,0.##} {Currency}";
}
