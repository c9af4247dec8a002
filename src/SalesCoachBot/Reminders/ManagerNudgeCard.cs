using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;
using static SalesCoachBot.Replies.CardParts;
using static SalesCoachBot.Replies.UserFormat;
using SalesCoachBot.Conversation;

namespace SalesCoachBot.Reminders;

/// <summary>The top of the escalation ladder: the rep's manager hears about a stalled deal, with a button to ping the rep.</summary>
public static class ManagerNudgeCard
{
    public static string Summary(DealView view, UserProfile rep, string reason)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(rep);
        return $"{rep.Name ?? "A rep"}'s deal {view.Deal.Name} is stalled: {reason}. Last next step: {view.Deal.NextStep?.Text ?? "none"}.";
    }

    public static AdaptiveCard Build(DealView view, UserProfile rep, string reason)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(rep);
        var deal = view.Deal;
        var repName = rep.Name ?? "Your rep";
        var body = new List<CardElement>
        {
            Banner($"A deal of {Escape(repName)} is stalled", ContainerStyle.Warning),
            Heading(Escape(deal.Name)),
            new FactSet
            {
                Facts =
                [
                    new Fact("Rep", Escape(repName)),
                    new Fact("Stage", $"{view.Stage.Name} ({view.Model.Name})"),
                    new Fact("Why", Escape(reason)),
                    new Fact("Time in stage", Replies.CoreText.TimeInStage(view)),
                    new Fact("Last next step", deal.NextStep is { } step ? Escape(step.Text) + (step.Due is { } due ? $" (due {Date(due)})" : string.Empty) : "none"),
                    new Fact("Amount", deal.Amount?.Format() ?? "not set"),
                ],
            },
            Text($"{Escape(repName)} had two reminders about it.", subtle: true),
        };
        return Card(body, [Execute($"Ping {repName}", new CardActionData { Verb = CardVerbs.PingRep, DealId = deal.Id, RepUserId = rep.UserId })]);
    }
}
