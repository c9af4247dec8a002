using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Insights.Charts;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Cards;

namespace SalesCoachBot.Tests.Replies;

/// <summary>Amounts short enough for a chart label or a table cell at Teams' width, where "$1,314,000" broke mid-number.</summary>
public sealed class ShortMoneyTests
{
    [Theory]
    [InlineData(67_000, "USD", "$67k")]
    [InlineData(1_314_000, "USD", "$1.3M")]
    [InlineData(4_700, "USD", "$4.7k")]
    [InlineData(145_000, null, "145k")]
    [InlineData(950, "EUR", "€950")]
    [InlineData(45_000, "CHF", "45k CHF")]
    [InlineData(2_000, "USD", "$2k")]
    [InlineData(-12_500, "USD", "-$12.5k")]
    [InlineData(0, "USD", "$0")]
    public void An_amount_is_written_short_with_its_currency(double amount, string? currency, string expected) =>
        Assert.Equal(expected, UserFormat.ShortMoney(new Money((decimal)amount, currency)));

    [Fact]
    public void A_funnel_bar_is_drawn_with_short_amounts_and_read_with_exact_ones()
    {
        Deal Priced(string name, decimal amount, string? currency) => CardCatalog.Deal(name, "prospect") with { Amount = new Money(amount, currency) };

        var funnel = PipelineChartHandler.Funnel([Priced("A", 1_200_000, "USD"), Priced("B", 841_000, "USD"), Priced("C", 145_000, null)], CardCatalog.Process);

        var bar = Assert.Single(funnel.Stages);
        Assert.Equal("3 deals · $2M + 145k", bar.DrawnText);
        Assert.Equal("3 deals · $2,041,000 + 145,000", bar.ValueText);
    }
}
