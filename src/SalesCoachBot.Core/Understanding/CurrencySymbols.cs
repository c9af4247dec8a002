using System.Collections.Frozen;

namespace SalesCoachBot.Core.Understanding;

/// <summary>The currencies the parsers know, and the symbols we read and write for the most common ones.</summary>
internal static class CurrencySymbols
{
    public static readonly FrozenSet<string> Codes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "JPY", "CHF", "SEK", "NOK",
        "DKK", "INR", "CNY", "SGD", "HKD", "BRL", "MXN", "ZAR", "PLN");

    private static readonly FrozenDictionary<char, string> CodeBySymbol = new Dictionary<char, string>
    {
        ['$'] = "USD",
        ['€'] = "EUR",
        ['£'] = "GBP",
        ['¥'] = "JPY",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> SymbolByCode =
        CodeBySymbol.ToFrozenDictionary(pair => pair.Value, pair => pair.Key.ToString(), StringComparer.OrdinalIgnoreCase);

    public static bool TryGetCode(char symbol, out string code) => CodeBySymbol.TryGetValue(symbol, out code!);

    public static bool TryGetSymbol(string code, out string symbol) => SymbolByCode.TryGetValue(code, out symbol!);
}
