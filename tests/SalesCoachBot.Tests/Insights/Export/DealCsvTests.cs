using System.Text;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Insights.Export;

namespace SalesCoachBot.Tests.Insights.Export;

public sealed class DealCsvTests
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private static readonly DateTimeOffset _now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static Deal NewDeal(string name, decimal amount = 45_000) =>
        DealRules.Create(new OwnerKey("t1", "dana"), name, new Money(amount, "USD"), _process.DefaultModel, _now, new Actor("Dana", "a-" + name)).Deal!;

    private static string[] Lines(IEnumerable<ExportRow> rows)
    {
        using var stream = new MemoryStream();
        DealCsv.Write(stream, rows, _process);
        var bytes = stream.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void One_header_row_then_one_row_per_deal_with_stage_amount_and_dates()
    {
        var deal = DealRules.SetExpectedClose(NewDeal("Contoso Ltd"), new DateOnly(2026, 12, 15), new DateOnly(2026, 11, 25), _now, new Actor("Dana", null)).Deal!;

        var lines = Lines([new ExportRow("Dana Rep", deal)]);

        Assert.Equal(string.Join(',', DealCsv.Header), lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Dana Rep,Contoso Ltd,Consultative,,Prospect,Open,45000,USD,2026-12-15,,,2026-11-25T09:00:00Z,", lines[1]);
    }

    [Fact]
    public void The_customer_type_is_written_by_its_name()
    {
        var deal = DealRules.SetCustomerType(NewDeal("Proseware"), _process.FindCustomerType("small business")!, _now, new Actor("Dana", null)).Deal!;

        Assert.StartsWith("Dana Rep,Proseware,Consultative,Small business,Prospect,", Lines([new ExportRow("Dana Rep", deal)])[1]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public void A_name_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string name)
    {
        var lines = Lines([new ExportRow("Dana Rep", NewDeal(name))]);

        var row = lines[1];
        Assert.DoesNotContain("," + name, row, StringComparison.Ordinal);
        Assert.True(row.Contains(",'" + name.Replace("\"", "\"\"", StringComparison.Ordinal), StringComparison.Ordinal)
            || row.Contains(",\"'" + name.Replace("\"", "\"\"", StringComparison.Ordinal), StringComparison.Ordinal), row);
    }

    [Fact]
    public void Commas_quotes_and_accents_survive()
    {
        var lines = Lines([new ExportRow("Zoë O\"Brien", NewDeal("Café, \"Bistro\""))]);

        Assert.StartsWith("\"Zoë O\"\"Brien\",\"Café, \"\"Bistro\"\"\",", lines[1]);
    }
}
