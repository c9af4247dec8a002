using SalesCoachBot.Cards.Model;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Replies;

/// <summary>
/// A plain answer shown in place of a clicked card (a refusal, "no longer in your pipeline"), so the old buttons disappear.
/// </summary>
public static class NoticeCard
{
    public static AdaptiveCard Build(string text) =>
        Card([Text(Escape(text), weight: FontWeight.Bolder)], [Say("My deals", "my deals")]);
}
