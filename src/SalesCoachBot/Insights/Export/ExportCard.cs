using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Insights.Export;

/// <summary>The answer to "export …": what the file holds and a button that opens its short-lived download link.</summary>
public static class ExportCard
{
    public static string Summary(ExportScope scope, int deals, int reps) => scope == ExportScope.MyDeals
        ? $"Your deals as a spreadsheet (CSV): {InsightText.DealCount(deals)}. The download link works for 15 minutes, for whoever opens it: keep it to yourself."
        : $"Your team's open pipeline as a spreadsheet (CSV): {InsightText.DealCount(deals)} of {InsightText.Reps(reps)}. The download link works for 15 minutes, for whoever opens it: keep it to yourself.";

    public static AdaptiveCard Build(ExportScope scope, int deals, int reps, Uri download) => CardParts.Card(
        [
            CardParts.Heading(scope == ExportScope.MyDeals ? "Export: my deals" : "Export: team pipeline"),
            CardParts.Text(scope == ExportScope.MyDeals
                ? $"{InsightText.DealCount(deals)}, open and closed, with stage, amount, close date, next step and activity count."
                : $"{InsightText.DealCount(deals)} open across {InsightText.Reps(reps)}, one row per deal with the rep's name."),
            CardParts.Text("The file is made when you open the link, from what is stored then. The link opens without a Teams sign-in, for 15 minutes: don't forward it. After that, ask again.", subtle: true),
        ],
        [new OpenUrlAction { Title = "Download CSV", Url = download }]);
}
