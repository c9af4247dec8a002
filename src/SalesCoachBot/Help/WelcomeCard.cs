using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Process;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Help;

/// <summary>Sent when the bot is installed or a rep says hello: what it does and how to start.</summary>
public static class WelcomeCard
{
    public static string Summary(string name) =>
        $"Hi {name}! I'm Sales Coach. I keep your deals, coach you through each stage of our sales process and remind you when a deal stalls. "
        + "Start with: new deal Contoso Ltd 45k. Say help for everything I can do.";

    public static AdaptiveCard Build(string name, SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var models = string.Join(", ", process.Models.Select(m => m.Name));
        return Card(
            [
                Heading($"Hi {Escape(name)}, I'm Sales Coach"),
                Text("I keep your deals, coach you through each stage of our sales process, and remind you when a deal needs attention."),
                Text($"Our process has {process.Models.Count} selling models ({models}); new deals follow **{process.DefaultModel.Name}** unless you say otherwise.", subtle: true),
                Text("Try one of these:", weight: FontWeight.Bolder),
                new FactSet
                {
                    Facts =
                    [
                        new Fact("Create", "new deal Contoso Ltd 45k"),
                        new Fact("Move", "move contoso to discovery"),
                        new Fact("Next step", "next step for contoso: send pricing by friday"),
                        new Fact("Pipeline", "my deals"),
                    ],
                },
            ],
            [Say("My deals", "my deals"), Say("What can you do?", "help")]);
    }
}
