using SalesCoachBot.Cards.Model;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Deals;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Deals;

/// <summary>
/// "rename fabrikam to Fabrikam Retail" while another open deal already answers to "Fabrikam Retail" (the same name, or
/// one the deal-name matcher would take for it): nothing is renamed until the rep says whether two deals may answer to
/// one name (the "which one?" card tells them apart later), the deal keeps its name, or it gets another one.
/// </summary>
public static class RenameCollisionCard
{
    /// <summary>The input that carries another name; its value arrives as <see cref="CardActionData.OtherName"/>.</summary>
    public const string OtherNameInput = "otherName";

    public static string Summary(Deal deal, Deal twin, string newName)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(twin);
        return $"You already have an open deal called {twin.Name}, which \"{newName}\" would also name, so I haven't renamed {deal.Name} yet. "
            + $"Rename it anyway, keep the name {deal.Name}, or give it a name that tells them apart.";
    }

    /// <param name="view">The deal the rep asked to rename.</param>
    /// <param name="twin">The other open deal that already answers to <paramref name="newName"/>.</param>
    /// <param name="newName">The name the rep asked for, as the rules clean it.</param>
    /// <param name="activityId">The activity this card answers: the buttons' click keys come from it.</param>
    /// <param name="otherName">What the rep typed as another name, shown again when it was refused.</param>
    /// <param name="error">Why that other name was refused; nothing was renamed.</param>
    public static AdaptiveCard Build(DealView view, DealView twin, string newName, string? activityId, string? otherName = null, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(twin);
        var deal = view.Deal;
        CardActionData Data(string verb) => new()
        {
            Verb = verb,
            DealId = deal.Id,
            FromName = deal.Name,
            NewName = newName,
            ClickKey = CardVerbs.ClickKey(activityId, verb),
        };

        var body = new List<CardElement>
        {
            Heading($"Rename {Escape(deal.Name)} to \"{Escape(newName)}\"?"),
            Text($"You already have an open deal called {Escape(twin.Deal.Name)}. With both, a message that names \"{Escape(newName)}\" could mean either, and I would ask which one each time."),
            new FactSet
            {
                Facts =
                [
                    new Fact("Renaming", Escape(Describe(view))),
                    new Fact("Already open", Escape(Describe(twin))),
                ],
            },
            new TextInput(OtherNameInput)
            {
                Label = "Or give it a name that tells them apart",
                Placeholder = "e.g. with the division, product or year",
                Value = otherName,
                MaxLength = DealRules.MaxNameLength,
            },
        };
        if (error is not null)
        {
            body.Add(Text(Escape(error), color: TextColor.Attention));
        }

        // The button that takes the box's name sits under the box; the card's own two buttons then each get half the width,
        // where three would cut every title short.
        body.Add(new ActionSet { Actions = [Execute("Use this name", Data(CardVerbs.RenameToOther))] });
        return Card(
            body,
            [
                // Titles are plain text (no markdown): the deal's name is shown as typed.
                Execute("Rename anyway", Data(CardVerbs.RenameAnyway)),
                Execute($"Keep the name \"{deal.Name}\"", Data(CardVerbs.KeepName), ActionStyle.Positive),
            ]);
    }

    /// <summary>Name, stage, amount and close date: what tells the two deals apart at a glance.</summary>
    private static string Describe(DealView view)
    {
        var deal = view.Deal;
        return string.Join(" · ", new[]
        {
            deal.Name,
            view.Stage.Name,
            deal.Amount is { } amount ? Replies.UserFormat.Money(amount) : "no amount",
            deal.ExpectedClose is { } close ? $"closes {Replies.UserFormat.ShortDate(close)}" : null,
        }.Where(f => f is not null));
    }
}
