using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Process;
using static SalesCoachBot.Replies.CardParts;
using SalesCoachBot.Conversation;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Playbook;

/// <summary>The guided tour for someone on their first day: one stage per card, with Back and Next; the card updates in place.</summary>
public static class TourCard
{
    public static string Summary(SellingModel model, int index)
    {
        ArgumentNullException.ThrowIfNull(model);
        var stage = model.Stages[index];
        return $"{model.Name} process, stage {index + 1} of {model.Stages.Count}: {stage.Name}. {stage.Definition} Objective: {stage.Objective}";
    }

    public static AdaptiveCard Build(SellingModel model, int index)
    {
        ArgumentNullException.ThrowIfNull(model);
        var stage = model.Stages[index];
        var body = new List<CardElement>
        {
            Text($"{model.Name} process · stage {index + 1} of {model.Stages.Count}", subtle: true),
            Heading(stage.Name),
            Text(stage.Definition),
            Text($"**Objective:** {stage.Objective}"),
        };
        if (stage.AllowedTime is { } allowed)
        {
            body.Add(Text($"**Time allowed:** up to {Replies.CoreText.Duration(allowed)} · win probability {stage.WinProbability:P0}"));
        }

        if (stage.Actions.Count > 0)
        {
            body.Add(CoachingCard.Section(stage.IsClosed ? "After closing" : "What you do"));
            body.Add(Text(CoachingCard.Bullets(stage.Actions)));
        }

        if (stage.ExitCriteria.Count > 0)
        {
            body.Add(CoachingCard.Section("Done when"));
            body.Add(Text(CoachingCard.Bullets(stage.ExitCriteria)));
        }

        if (stage.Tools.Count > 0)
        {
            body.Add(CoachingCard.Section("Tools"));
            body.Add(new FactSet { Facts = stage.Tools.Select(t => new Fact(t.Name, t.Use)).ToList() });
        }

        var actions = new List<CardAction>();
        if (index > 0)
        {
            actions.Add(Execute($"Back: {model.Stages[index - 1].Name}", new CardActionData { Verb = CardVerbs.Tour, ModelId = model.Id, Index = index - 1 }));
        }

        actions.Add(index < model.Stages.Count - 1
            ? Execute($"Next: {model.Stages[index + 1].Name}", new CardActionData { Verb = CardVerbs.Tour, ModelId = model.Id, Index = index + 1 }, ActionStyle.Positive)
            : Say("Done: create my first deal", "help"));
        return Card(body, actions);
    }
}
