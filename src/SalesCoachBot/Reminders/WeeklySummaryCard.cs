using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Insights;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Reminders;

/// <summary>A rep's own weekly summary: their line of the team scorecard, with a way to stop it.</summary>
public static class WeeklySummaryCard
{
    public static string Summary(ScorecardRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return $"{Title(row)}: {ScorecardSection.Line(row)}. Say \"no weekly summary\" to stop these.";
    }

    public static AdaptiveCard Build(ScorecardRow row)
    {
        ArgumentNullException.ThrowIfNull(row);

        // Every figure is in the text (the scorecard line), so screen readers and every client read the same numbers.
        return Card(
            [
                Heading(Title(row)),
                Text(ScorecardSection.Line(row)),
                Text("Say \"no weekly summary\" to stop these.", subtle: true),
            ],
            [Say("Turn off", "no weekly summary")]);
    }

    private static string Title(ScorecardRow row) => $"Your week ({ScorecardSection.Dates(row.Week)})";
}
