using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Process;
using static SalesCoachBot.Replies.CardParts;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Playbook;

/// <summary>"What tools do I use for a demo?": the matching tools of the matrix, with the stage each belongs to.</summary>
public static class ToolsCard
{
    public static string Summary(string title, IReadOnlyList<(Stage Stage, StageTool Tool)> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        return title + ": " + string.Join("; ", tools.Select(t => $"{t.Tool.Name} ({t.Stage.Name}): {t.Tool.Use}"));
    }

    public static AdaptiveCard Build(string title, IReadOnlyList<(Stage Stage, StageTool Tool)> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var body = new List<CardElement> { Heading(Escape(title)) };
        foreach (var group in tools.GroupBy(t => t.Stage))
        {
            body.Add(CoachingCard.Section(group.Key.Name));
            body.Add(new FactSet { Facts = group.Select(t => new Fact($"{t.Tool.Name} ({CoachingCard.ToolKindName(t.Tool.Kind)})", t.Tool.Use)).ToList() });
        }

        return Card(body);
    }
}
