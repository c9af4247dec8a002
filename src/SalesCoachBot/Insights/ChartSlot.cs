using SalesCoachBot.Cards.Model;

namespace SalesCoachBot.Insights;

/// <summary>
/// Where a chart goes on an insight card: the builders take an optional image URL (a signed, expiring chart link made
/// by Insights/Charts) and show it under the heading. Every number stays in the card's text, so a client without
/// images, or a screen reader, loses nothing.
/// </summary>
internal static class ChartSlot
{
    public static IEnumerable<CardElement> For(Uri? chart, string altText) =>
        chart is null ? [] : [new Image { Url = chart, AltText = altText, Size = ImageSize.Stretch }];
}
