using SalesCoachBot.Cards.Model;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Deals;

/// <summary>"delete contoso" asks first: which deal, where it stands, and that undo brings it back.</summary>
public static class DeleteDealCard
{
    public static string Summary(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return $"Delete {deal.Name}? It leaves your pipeline and reminders; \"undo\" brings it back.";
    }

    public static AdaptiveCard Build(DealView view, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(view);
        var deal = view.Deal;
        var facts = string.Join(" · ", new[]
        {
            deal.IsOpen ? view.Stage.Name : deal.Status.ToString(),
            deal.Amount is { } amount ? Replies.UserFormat.Money(amount) : null,
            deal.ExpectedClose is { } close ? $"closes {Replies.UserFormat.ShortDate(close)}" : null,
        }.Where(f => f is not null));
        CardActionData Data(string verb) => new() { Verb = verb, DealId = deal.Id, ClickKey = CardVerbs.ClickKey(activityId, verb) };
        return Card(
            [
                Heading($"Delete {Escape(deal.Name)}?"),
                Text(Escape(facts), subtle: true),
                Text("It leaves your pipeline, reminders and digests. Its data is kept: say \"undo\" to bring it back.", subtle: true),
            ],
            [
                Execute("Delete", Data(CardVerbs.DeleteDeal), ActionStyle.Destructive),
                Execute("Keep it", Data(CardVerbs.KeepDeal)),
            ]);
    }
}
