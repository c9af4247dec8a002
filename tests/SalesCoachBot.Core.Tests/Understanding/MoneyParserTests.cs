using System.Globalization;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding;

public class MoneyParserTests
{
    [Theory]
    // Plain numbers
    [InlineData("45000", "45000", null)]
    [InlineData("45,000", "45000", null)]
    [InlineData("45,000.50", "45000.50", null)]
    [InlineData("1,250,000", "1250000", null)]
    [InlineData("0.5", "0.5", null)]
    [InlineData("  45k  ", "45000", null)]
    // Multipliers, glued to the number, any case
    [InlineData("45k", "45000", null)]
    [InlineData("45K", "45000", null)]
    [InlineData("1.2m", "1200000", null)]
    [InlineData("1.2M", "1200000", null)]
    [InlineData("3mm", "3000000", null)]
    [InlineData("2.5bn", "2500000000", null)]
    [InlineData("2b", "2000000000", null)]
    [InlineData("2BN", "2000000000", null)]
    [InlineData("1,000k", "1000000", null)]
    [InlineData("1000bn", "1000000000000", null)]
    // Symbols in front
    [InlineData("$45,000", "45000", "USD")]
    [InlineData("$1.2m", "1200000", "USD")]
    [InlineData("€50k", "50000", "EUR")]
    [InlineData("£50k", "50000", "GBP")]
    [InlineData("¥5m", "5000000", "JPY")]
    [InlineData("$ 45k", "45000", "USD")]
    // ISO codes before or after, space optional, any case
    [InlineData("50k EUR", "50000", "EUR")]
    [InlineData("50kEUR", "50000", "EUR")]
    [InlineData("45k usd", "45000", "USD")]
    [InlineData("USD 45,000", "45000", "USD")]
    [InlineData("usd45k", "45000", "USD")]
    [InlineData("CHF 1,250,000", "1250000", "CHF")]
    [InlineData("2.5m sek", "2500000", "SEK")]
    [InlineData("ZAR 300k", "300000", "ZAR")]
    // A symbol and a code may both appear if they agree
    [InlineData("$45k USD", "45000", "USD")]
    // Words said after the number: a currency, a scale, or both
    [InlineData("8000 dollars", "8000", "USD")]
    [InlineData("50 euros", "50", "EUR")]
    [InlineData("20k pounds", "20000", "GBP")]
    [InlineData("15 grand", "15000", null)]
    [InlineData("40 thousand euros", "40000", "EUR")]
    [InlineData("2 million", "2000000", null)]
    [InlineData("$8000 dollars", "8000", "USD")]
    public void An_amount_is_read_with_its_multiplier_and_currency(string text, string amount, string? currency)
    {
        Assert.True(MoneyParser.TryParse(text, out var money));
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(currency, money.Currency);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("lots")]
    [InlineData("$")]
    [InlineData("USD")]
    [InlineData("k")]
    [InlineData("0")]
    [InlineData("0k")]
    [InlineData("$0")]
    [InlineData("-45k")]
    [InlineData("-$45,000")]
    [InlineData("45kk")]
    [InlineData("45km")]
    [InlineData("1.2.3")]
    [InlineData("45.")]
    [InlineData(".5k")]
    [InlineData("45 k")] // a detached letter is more likely a word than a unit
    [InlineData("45 000")] // no space as thousands separator
    [InlineData("4,50,00")] // commas must group in threes
    [InlineData("45,00")]
    [InlineData("45,0000")]
    [InlineData("1000000000001")] // above 1e12
    [InlineData("1001bn")]
    [InlineData("15k grand")] // the thousand said twice
    [InlineData("€50 dollars")] // two currencies
    [InlineData("dollars")]
    [InlineData("grand")]
    [InlineData("99999999999999999999999999999999b")] // must not overflow
    [InlineData("$45k EUR")] // conflicting currencies
    [InlineData("45k$")] // symbols only in front
    [InlineData("XYZ 45k")] // not a known currency
    [InlineData("45 kilo")]
    [InlineData("١٢٣")] // Arabic-Indic digits
    public void Anything_else_is_refused(string text)
    {
        Assert.False(MoneyParser.TryParse(text, out var money));
        Assert.Equal(default, money);
    }

    [Theory]
    [InlineData("45000", "USD", "$45,000")]
    [InlineData("1200000", "EUR", "€1,200,000")]
    [InlineData("50000", "GBP", "£50,000")]
    [InlineData("5000000", "JPY", "¥5,000,000")]
    [InlineData("45000", "CHF", "45,000 CHF")]
    [InlineData("45000", null, "45,000")]
    [InlineData("999", null, "999")]
    [InlineData("45000.5", "USD", "$45,000.50")]
    [InlineData("45000.001", "USD", "$45,000")]
    [InlineData("45000.00", "USD", "$45,000")]
    [InlineData("-45000", "USD", "-$45,000")]
    [InlineData("-1500", "CAD", "-1,500 CAD")]
    public void Money_is_formatted_with_thousands_separators_and_cents_only_when_needed(string amount, string? currency, string expected)
    {
        var money = new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), currency);

        Assert.Equal(expected, money.Format());
        Assert.Equal(expected, money.ToString());
    }

    [Theory]
    [InlineData("€1.2m", "€1,200,000")]
    [InlineData("45k chf", "45,000 CHF")]
    [InlineData("usd 2.5bn", "$2,500,000,000")]
    public void A_parsed_amount_formats_back_canonically(string text, string expected)
    {
        Assert.True(MoneyParser.TryParse(text, out var money));
        Assert.Equal(expected, money.Format());
    }

    [Theory]
    [InlineData("Contoso Ltd 45k", "Contoso Ltd", "45000", null)]
    [InlineData("Fabrikam 250k EUR", "Fabrikam", "250000", "EUR")]
    [InlineData("Fabrikam USD 250k", "Fabrikam", "250000", "USD")]
    [InlineData("Fabrikam $ 250k", "Fabrikam", "250000", "USD")]
    [InlineData("Contoso Ltd $45,000", "Contoso Ltd", "45000", "USD")]
    [InlineData("Contoso Ltd 45,000", "Contoso Ltd", "45000", null)]
    [InlineData("Vision 2030 45k", "Vision 2030", "45000", null)]
    // Connectors are dropped from the rest
    [InlineData("Contoso Ltd worth $45,000", "Contoso Ltd", "45000", "USD")]
    [InlineData("Contoso valued at 1.2m", "Contoso", "1200000", null)]
    [InlineData("Contoso VALUED AT 1.2m", "Contoso", "1200000", null)]
    [InlineData("Contoso for 45k", "Contoso", "45000", null)]
    [InlineData("Contoso at €45k", "Contoso", "45000", "EUR")]
    [InlineData("Renewal of 45k", "Renewal", "45000", null)]
    // Separators are dropped too; the user's own spacing inside the rest is kept
    [InlineData("Contoso - 45k", "Contoso", "45000", null)]
    [InlineData("Contoso, 45k", "Contoso", "45000", null)]
    [InlineData("  Contoso  Ltd   45k  ", "Contoso  Ltd", "45000", null)]
    // A plain number needs a connector, or nothing before it
    [InlineData("Contoso worth 45000", "Contoso", "45000", null)]
    [InlineData("Tailspin 4500", "Tailspin", "4500", null)]
    [InlineData("45000", "", "45000", null)]
    [InlineData("45k", "", "45000", null)]
    [InlineData("worth 45k", "", "45000", null)]
    public void A_trailing_amount_is_split_from_the_name_before_it(string text, string rest, string amount, string? currency)
    {
        Assert.True(MoneyParser.TryFindTrailing(text, out var money, out var actualRest));
        Assert.Equal(rest, actualRest);
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(currency, money.Currency);
    }

    [Theory]
    [InlineData("Contoso")]
    [InlineData("")]
    [InlineData("Contoso 45 k")]
    [InlineData("Contoso 45kk")]
    [InlineData("Contoso lots")]
    // Names often end in numbers, so a small plain number or a year right after a name is not an amount
    [InlineData("Phase 2")]
    [InlineData("Vision 2030")]
    [InlineData("Contoso 450")]
    public void Without_a_trailing_amount_the_text_is_returned_unchanged(string text)
    {
        Assert.False(MoneyParser.TryFindTrailing(text, out var money, out var rest));
        Assert.Equal(text, rest);
        Assert.Equal(default, money);
    }
}
