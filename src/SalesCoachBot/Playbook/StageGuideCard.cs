using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using static SalesCoachBot.Replies.CardParts;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Playbook;

/// <summary>One stage of the matrix for a new hire, leading with what they asked about.</summary>
public static class StageGuideCard
{
    public static string Summary(SellingModel model, Stage stage, StageTopic topic)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stage);
        return topic switch
        {
            StageTopic.ExitCriteria => $"To leave {stage.Name} ({model.Name}): " + string.Join("; ", stage.ExitCriteria) + ".",
            StageTopic.Timing => stage.AllowedTime is { } allowed
                ? $"A deal should spend at most {Replies.CoreText.Duration(allowed)} in {stage.Name} ({model.Name})."
                : $"{stage.Name} is a closed stage; it has no time limit.",
            StageTopic.Actions => $"At {stage.Name} ({model.Name}): " + string.Join("; ", stage.Actions) + ".",
            _ => $"{stage.Name} ({model.Name}): {stage.Definition} Objective: {stage.Objective}",
        };
    }

    /// <param name="note">Said above the stage, e.g. that it belongs to another model than the rep's.</param>
    public static AdaptiveCard Build(SellingModel model, Stage stage, StageTopic topic, string? note)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stage);
        var body = new List<CardElement>();
        if (note is not null)
        {
            body.Add(Text(Escape(note), subtle: true));
        }

        body.Add(Heading($"{stage.Name} ({model.Name})"));
        body.Add(Text(stage.Definition));
        body.Add(Text($"**Objective:** {stage.Objective}"));

        var sections = new List<(StageTopic Topic, IReadOnlyList<CardElement> Items)>
        {
            (StageTopic.Actions, Section("What to do", stage.Actions)),
            (StageTopic.ExitCriteria, Section(stage.BlockOnUnmetCriteria ? "Exit criteria (all required to move on)" : "Exit criteria", stage.ExitCriteria)),
            (StageTopic.Timing, [CoachingCard.Section("How long"), Text(TimingText(model, stage))]),
        };
        foreach (var (_, items) in sections.OrderBy(s => s.Topic == topic ? 0 : 1))
        {
            body.AddRange(items);
        }

        if (stage.Tools.Count > 0)
        {
            body.Add(CoachingCard.Section("Tools"));
            body.Add(new FactSet { Facts = stage.Tools.Select(t => new Fact(CoachingCard.ToolKindName(t.Kind), $"{t.Name}: {t.Use}")).ToList() });
        }

        if (stage.FollowUps.Count > 0)
        {
            body.AddRange(Section("Follow up", stage.FollowUps));
        }

        return Card(body, [Say($"The {model.Name} process", $"what's the {model.Id} process")]);
    }

    private static List<CardElement> Section(string title, IReadOnlyList<string> items) =>
        items.Count == 0 ? [] : [CoachingCard.Section(title), Text(CoachingCard.Bullets(items))];

    private static string TimingText(SellingModel model, Stage stage)
    {
        if (stage.AllowedTime is not { } allowed)
        {
            return "A closed stage: no time limit.";
        }

        var next = model.NextOpenStage(stage);
        return $"At most {Replies.CoreText.Duration(allowed)}. After that the deal counts as stalled and you get a reminder. "
            + (next is null ? "From here the deal closes, won or lost." : $"Next stage: {next.Name}.")
            + $" Win probability here: {stage.WinProbability:P0}.";
    }
}
