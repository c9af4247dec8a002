using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Process;
using static SalesCoachBot.Replies.CardParts;

namespace SalesCoachBot.Help;

/// <summary>Everything a rep can say, grouped, with an example for each.</summary>
public static class HelpCard
{
    public const string Summary =
        "Here's what I can do. Create: new deal Contoso Ltd 45k (or new enterprise deal Fabrikam 250k in discovery closing end of quarter). "
        + "Move: move contoso to proposal. Next step: next step for contoso: send pricing by friday. "
        + "Amount: contoso amount 50k. Close date: contoso closes dec 15, push contoso out two weeks. Close: contoso won / contoso lost: went with a competitor. "
        + "Log what you did: called contoso, demo with contoso yesterday. Fix: undo, reopen contoso, rename contoso to Contoso Ltd, contoso is enterprise, delete contoso. "
        + "\"It\" means the deal you just dealt with. See: my deals, show contoso, pipeline chart, export my deals. "
        + "Numbers: my forecast, how am I doing, which deals are at risk, what's due this week. Managers: team pipeline, team forecast, how is Dana doing?, where do deals stall?";

    public static IReadOnlyList<(string Group, IReadOnlyList<Fact> Examples)> Groups { get; } =
    [
        ("Create a deal", [
            new Fact("Default model", "new deal Contoso Ltd 45k"),
            new Fact("Other model", "new enterprise deal Fabrikam 250k"),
            new Fact("All at once", "new deal Fabrikam 40k in discovery closing end of quarter, next step demo friday"),
        ]),
        ("Update a deal", [
            new Fact("Move", "move contoso to proposal · contoso is in negotiation"),
            new Fact("Advance", "advance contoso"),
            new Fact("Next step", "next step for contoso: send pricing by friday"),
            new Fact("Amount", "contoso amount 50k · $50,000 · 1.2m EUR"),
            new Fact("Close date", "contoso closes dec 15 · in 3 weeks · 2026-12-15"),
            new Fact("Won", "contoso won"),
            new Fact("Lost", "contoso lost: went with a competitor"),
            new Fact("Several at once", "fabrikam: 30k, closes march 3"),
            new Fact("Shift the close", "push fabrikam out two weeks"),
            new Fact("The deal you just named", "move it to proposal · it's won"),
        ]),
        ("Log what you did", [
            new Fact("Call, meeting, email, demo", "called contoso · demo with fabrikam yesterday · emailed tailspin the proposal"),
            new Fact("With a note", "log a call with contoso: they want a discount"),
            new Fact("Remind me", "remind me about tailspin tomorrow"),
        ]),
        ("Fix a deal", [
            new Fact("Undo your last change", "undo (again to go further back, within a day)"),
            new Fact("Reopen", "reopen contoso"),
            new Fact("Rename", "rename contoso to Contoso Ltd"),
            new Fact("Selling model", "contoso is enterprise · change contoso to transactional"),
            new Fact("Customer type", "tailspin is a small business"),
            new Fact("Delete", "delete contoso (asks first; undo brings it back)"),
        ]),
        ("See your pipeline", [
            new Fact("All open deals", "my deals"),
            new Fact("One deal", "show contoso"),
            new Fact("As a chart", "pipeline chart"),
            new Fact("As a spreadsheet", "export my deals · export team pipeline"),
        ]),
        ("Your numbers", [
            new Fact("Forecast", "my forecast · what closes this month · put contoso in commit"),
            new Fact("Results and activity", "how am I doing · my stats last month · my win rate"),
            new Fact("Risks and to-dos", "which deals are at risk · what's due this week"),
            new Fact("Weekly summary", "your scorecard every Monday morning · no weekly summary · weekly summary on"),
        ]),
        ("Managers", [
            new Fact("Your team", "team pipeline · team forecast · team stats this quarter"),
            new Fact("One rep", "how is Dana doing? · Dana's deals · show Dana's Contoso"),
            new Fact("Expectations", "team target: 20 calls a week per rep · team targets · Dana's quota is 300k"),
            new Fact("The process", "where do deals stall? · process report for enterprise"),
        ]),
    ];

    public static AdaptiveCard Build(SalesProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var body = new List<CardElement>
        {
            Heading("What I can do"),
            Text("Deal names match loosely: \"contoso\" finds \"Contoso Ltd\". Dates can be \"friday\", \"next tuesday\", \"in 3 days\", \"dec 15\" or \"2026-12-15\", in your time zone.", subtle: true),
        };
        foreach (var (group, examples) in Groups)
        {
            body.Add(new TextBlock { Text = group, Weight = FontWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(new FactSet { Facts = examples });
        }

        body.Add(Text($"Stages of {Escape(process.DefaultModel.Name)} deals: {string.Join(" → ", process.DefaultModel.Stages.Select(s => s.Name))}.", subtle: true));
        return Card(body, [Say("My deals", "my deals")]);
    }
}
