using System.Text.Json.Nodes;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using static SalesCoachBot.Core.Tests.Insights.DealStory;

namespace SalesCoachBot.Core.Tests.Insights;

public class ForecastTests
{
    private static readonly DateOnly _today = new(2026, 11, 15);
    private static readonly ReportPeriod _november = ReportPeriod.For(PeriodKind.ThisMonth, _today, TimeZoneInfo.Utc);

    private static Deal Open(string stage, decimal? amount, DateOnly? close, string currency = "USD", ForecastCategory? put = null, string? name = null)
    {
        var story = Created(At(10, 1), amount, currency, name);
        if (stage != "prospect")
        {
            story.MovedTo(stage, At(10, 5));
        }

        return story.Closing(close).With(d => d with { ForecastOverride = put });
    }

    private static IReadOnlyList<Deal> November() =>
    [
        Open("negotiation", 100_000, new(2026, 11, 20), name: "Alpha"), // commit (0.75), weighted 75k
        Open("proposal", 40_000, new(2026, 11, 28), name: "Beta"), // best case (0.5), weighted 20k
        Open("discovery", 10_000, new(2026, 11, 30), name: "Gamma"), // pipeline (0.25), weighted 2.5k
        Open("discovery", 20_000, new(2026, 11, 25), put: ForecastCategory.Commit, name: "Delta"), // put in commit, weighted 5k
        Open("proposal", 99_000, new(2026, 12, 5), name: "December"), // closes after the period
        Open("proposal", 5_000, null, name: "Undated"),
        Open("qualify", 7_000, new(2026, 11, 10), name: "Slipped"), // before today
        Created(At(9, 1), 30_000).MovedTo("negotiation", At(10, 1)).Won(At(11, 3)), // won in the period
        Created(At(9, 1), 60_000).Won(At(10, 30)), // won before the period
    ];

    [Fact]
    public void Open_deals_closing_in_the_period_are_totalled_weighted_and_split_by_probability_thresholds()
    {
        var report = Forecast.For(November(), TheProcess, _november, _today);

        Assert.Equal(["Alpha", "Delta", "Beta", "Gamma"], report.Lines.Select(l => l.Deal.Name));
        Assert.Equal(170_000, report.Total.In("USD"));
        Assert.Equal(102_500, report.Weighted.In("USD"));
        Assert.Equal(120_000, report.Commit.In("USD"));
        Assert.Equal(40_000, report.BestCase.In("USD"));
        Assert.Equal(10_000, report.Pipeline.In("USD"));
        Assert.Equal(30_000, report.WonInPeriod.In("USD"));
        Assert.True(report.Lines.Single(l => l.Deal.Name == "Delta").Overridden);
    }

    [Fact]
    public void A_teams_forecast_combined_from_its_reps_forecasts_is_the_forecast_of_all_their_deals()
    {
        // Two reps, with equal amounts and names across them (equal lines in the order the stores list deals), two currencies.
        IReadOnlyList<Deal>[] reps =
        [
            [.. November()],
            [
                Open("negotiation", 100_000, new(2026, 11, 22), name: "alpha"),
                Open("proposal", 40_000, new(2026, 11, 29), "EUR", name: "Zeta"),
                Open("qualify", 7_000, null, name: "Slipped too"),
                Created(At(9, 2), 12_000, "EUR").Won(At(11, 4)),
            ],
        ];
        var target = new Money(500_000, "USD");

        var combined = Forecast.Combine([.. reps.Select(deals => Forecast.For(deals, TheProcess, _november, _today))], _november, target);
        var whole = Forecast.For(reps.SelectMany(d => d), TheProcess, _november, _today, target);

        Assert.Equal(Describe(whole), Describe(combined));
        Assert.Equal(["Alpha", "Beta", "Delta", "Gamma", "Zeta", "alpha"], combined.Lines.Select(l => l.Deal.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, combined.WonInPeriod.PerCurrency.Count);
    }

    [Fact]
    public void A_forecast_lists_equal_lines_in_the_same_order_whatever_order_the_deals_are_counted_in()
    {
        // A team read hands deals over as it reads them: "Alpha" and "alpha" at the same amount tie on everything shown.
        IReadOnlyList<Deal> deals = [.. November(), Open("negotiation", 100_000, new(2026, 11, 22), name: "alpha"), Open("proposal", 5_000, null, name: "undated")];

        var listed = Forecast.For(deals, TheProcess, _november, _today);
        var reversed = Forecast.For(deals.Reverse(), TheProcess, _november, _today);

        Assert.Equal(Describe(listed), Describe(reversed));
        Assert.Equal(7, listed.Lines.Count + listed.NeedsFixing.Count - 1); // Alpha, alpha, Delta, Beta, Gamma; Undated, undated, Slipped
    }

    private static string Describe(ForecastReport r) => string.Join(
        " | ",
        string.Join(",", r.Lines.Select(l => $"{l.Deal.Id}:{l.Category}:{l.Probability}:{l.Overridden}")),
        string.Join(",", r.NeedsFixing.Select(f => $"{f.Deal.Id}:{f.Problem}")),
        Money(r.Total), Money(r.Weighted), Money(r.Commit), Money(r.BestCase), Money(r.Pipeline), Money(r.WonInPeriod),
        r.WithoutAmount,
        r.CommitAndWonAgainstTarget);

    private static string Money(MoneyTotals totals) => string.Join("+", totals.PerCurrency.Select(m => $"{m.Amount} {m.Currency}"));

    [Fact]
    public void A_deleted_deal_leaves_the_forecast_and_what_was_won()
    {
        var deleted = new Deal[]
        {
            Open("negotiation", 500_000, new(2026, 11, 21), name: "Deleted commit") with { DeletedAt = At(11, 14), DeletedBy = "dana" },
            Open("proposal", 5_000, null, name: "Deleted undated") with { DeletedAt = At(11, 14), DeletedBy = "dana" },
            Created(At(9, 1), 70_000).Won(At(11, 4)).With(d => d with { DeletedAt = At(11, 14), DeletedBy = "dana" }),
        };

        var report = Forecast.For([.. November(), .. deleted], TheProcess, _november, _today);

        Assert.Equal(["Alpha", "Delta", "Beta", "Gamma"], report.Lines.Select(l => l.Deal.Name));
        Assert.Equal(120_000, report.Commit.In("USD"));
        Assert.Equal(30_000, report.WonInPeriod.In("USD"));
        Assert.DoesNotContain(report.NeedsFixing, f => f.Deal.Name.StartsWith("Deleted", StringComparison.Ordinal));
    }

    [Fact]
    public void Deals_with_no_close_date_or_a_past_one_are_listed_apart_as_needing_a_fix()
    {
        var report = Forecast.For(November(), TheProcess, _november, _today);

        Assert.Equal(
            [("Undated", CloseDateProblem.Missing), ("Slipped", CloseDateProblem.Passed)],
            report.NeedsFixing.Select(f => (f.Deal.Name, f.Problem)));
    }

    [Fact]
    public void Against_a_target_won_plus_commit_is_the_share_reached()
    {
        var report = Forecast.For(November(), TheProcess, _november, _today, new Money(200_000, "USD"));

        Assert.Equal(0.75m, report.CommitAndWonAgainstTarget); // (30k won + 120k commit) / 200k
    }

    [Fact]
    public void Amounts_in_different_currencies_are_totalled_apart_never_added()
    {
        var report = Forecast.For(
            [Open("negotiation", 100_000, new(2026, 11, 20)), Open("negotiation", 50_000, new(2026, 11, 21), currency: "EUR")],
            TheProcess,
            _november,
            _today);

        Assert.True(report.Total.IsMixed);
        Assert.Equal([new Money(50_000, "EUR"), new Money(100_000, "USD")], report.Total.PerCurrency);
    }

    [Fact]
    public void An_empty_period_has_no_lines_and_zero_totals()
    {
        var report = Forecast.For([], TheProcess, _november, _today, new Money(100_000, "USD"));

        Assert.Empty(report.Lines);
        Assert.True(report.Total.IsEmpty);
        Assert.Equal(0m, report.CommitAndWonAgainstTarget);
    }

    [Fact]
    public void A_deal_without_an_amount_is_counted_but_adds_nothing()
    {
        var report = Forecast.For([Open("proposal", null, new(2026, 11, 20))], TheProcess, _november, _today);

        Assert.Single(report.Lines);
        Assert.Equal(1, report.WithoutAmount);
        Assert.True(report.Total.IsEmpty);
    }

    [Fact]
    public void The_process_file_can_move_the_thresholds()
    {
        var json = JsonNode.Parse(DefaultJson())!.AsObject();
        json["forecast"] = new JsonObject { ["commitFrom"] = 0.5, ["bestCaseFrom"] = 0.25 };
        var process = ProcessLoader.Parse(json.ToJsonString(), "custom.json");

        var report = Forecast.For(November(), process, _november, _today);

        Assert.Equal(160_000, report.Commit.In("USD")); // Alpha, Delta (put), Beta at 0.5
        Assert.Equal(10_000, report.BestCase.In("USD")); // Gamma at 0.25
    }

    [Theory]
    [InlineData(1.5, 0.4, "$.forecast.commitFrom")]
    [InlineData(0.7, -0.1, "$.forecast.bestCaseFrom")]
    [InlineData(0.4, 0.7, "$.forecast.bestCaseFrom")]
    public void Thresholds_out_of_range_or_in_the_wrong_order_are_refused_with_their_path(double commit, double bestCase, string path)
    {
        var json = JsonNode.Parse(DefaultJson())!.AsObject();
        json["forecast"] = new JsonObject { ["commitFrom"] = commit, ["bestCaseFrom"] = bestCase };

        var error = Assert.Throws<ProcessLoadException>(() => ProcessLoader.Parse(json.ToJsonString(), "custom.json"));

        Assert.Contains(error.Errors, e => e.Path == path);
    }

    private static string DefaultJson()
    {
        using var stream = typeof(ProcessLoader).Assembly.GetManifestResourceStream("SalesCoachBot.Core.default-process.json")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
