using System.Globalization;
using System.Text.RegularExpressions;
using SalesCoachBot.Core.Insights;

namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// A manager's weekly activity targets for their team: "team target: 20 calls a week per rep", "team targets",
/// "no team target for calls". Tried before the insight questions, so "team targets" is never read as a team view.
/// </summary>
public static partial class CommandParser
{
    private static (Regex, Rule)[] TeamTargetRules() =>
    [
        (TeamTargetsListPattern(), (_, _) => new ShowTeamTargets()),
        (TeamTargetRemovePattern(), (m, _) => new RemoveTeamTarget(MeasureOf(m.Groups["kind"].Value), m.Groups["kind"].Value.Trim())),
        (TeamTargetSetPattern(), TeamTarget),
    ];

    private static SetTeamTarget? TeamTarget(Match match, ParseContext context)
    {
        if (!int.TryParse(match.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var perWeek))
        {
            perWeek = int.MaxValue;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "day" or "daily" => "day",
            "month" or "monthly" => "month",
            "quarter" or "quarterly" => "quarter",
            "year" => "year",
            _ => null,
        };
        var kind = match.Groups["kind"].Value.Trim();
        return new SetTeamTarget(MeasureOf(kind), kind, perWeek) { OtherUnit = unit };
    }

    /// <summary>The measure a target's words name ("calls", "new deals", "demos"); null for a kind the bot does not record.</summary>
    public static TargetMeasure? MeasureOf(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var word = CountOfPattern().Replace(words.Trim().ToLowerInvariant(), string.Empty);
        return word switch
        {
            "call" or "calls" or "phone call" or "phone calls" or "dial" or "dials" or "cold call" or "cold calls" or "outbound call" or "outbound calls" => TargetMeasure.Calls,
            "meeting" or "meetings" or "mtg" or "mtgs" or "customer meeting" or "customer meetings" or "meetings booked" => TargetMeasure.Meetings,
            "email" or "emails" or "e-mail" or "e-mails" or "mail" or "mails" => TargetMeasure.Emails,
            "demo" or "demos" => TargetMeasure.Demos,
            "proposal" or "proposals" or "proposal sent" or "proposals sent" or "quote" or "quotes" => TargetMeasure.ProposalsSent,
            "activity" or "activities" or "touch" or "touches" or "touchpoint" or "touchpoints" => TargetMeasure.Activities,
            "new deal" or "new deals" or "deal" or "deals" or "new opp" or "new opps" or "new opportunity" or "new opportunities" or "opps" or "opportunities" => TargetMeasure.NewDeals,
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?:the |a |an )?(?:number of |# ?of )?", Options)]
    private static partial Regex CountOfPattern();

    // "team targets", "show the team targets", "what are my team's targets?", "our team goals".
    [GeneratedRegex(@"^(?:show (?:me )?|list |see |view |what are |what're |whats |what's )?(?:my |our |the )?team(?:'s|s)? (?:activity )?(?:targets|goals)(?: for (?:my|the|our) (?:reps|team))?(?: (?:are|again))?\??$", Options | RegexOptions.ExplicitCapture)]
    private static partial Regex TeamTargetsListPattern();

    // "no team target for calls", "remove the team target for calls", "clear the calls team target", "team target for calls: none".
    [GeneratedRegex(@"^(?:no|remove|delete|drop|clear|cancel|scrap) (?:the |my |our )?team (?:activity )?(?:target|goal) (?:for|on|of) (?<kind>[a-z][a-z -]*?)\.?$|^(?:remove|delete|drop|clear|cancel|scrap) (?:the |my |our )?(?<kind>[a-z][a-z -]*?) team (?:target|goal)\.?$|^team (?:target|goal) for (?<kind>[a-z][a-z -]*?)\s*(?::|is|=|to)?\s*(?:none|off|nothing|no target|0)\.?$", Options | RegexOptions.ExplicitCapture)]
    private static partial Regex TeamTargetRemovePattern();

    // "team target: 20 calls a week per rep", "set a team target of 5 meetings per week", "team goal 2 new deals weekly",
    // "team target for demos: 3 a week".
    [GeneratedRegex(@"^(?:set |make |add |new )?(?:a |the |my |our )?team (?:activity )?(?:target|goal)(?: (?:is|of|to|=|at))?\s*[:=-]?\s*(?<n>\d{1,9})\s+(?<kind>[a-z][a-z -]*?)(?:\s*(?:(?:a|per|each|every|/|in a)\s*(?<unit>week|day|month|quarter|year)|(?<unit>weekly|daily|monthly|quarterly)))?(?:,? (?:per|for each|each|a|for every|for|by every) (?:rep|person|salesperson|seller|team member|member|head))?\.?$|^(?:set )?(?:a |the |my |our )?team (?:activity )?(?:target|goal) for (?<kind>[a-z][a-z -]*?)\s*(?::|is|=|to|at|of)?\s*(?<n>\d{1,9})(?:\s*(?:(?:a|per|each|every|/|in a)\s*(?<unit>week|day|month|quarter|year)|(?<unit>weekly|daily|monthly|quarterly)))?(?:,? (?:per|for each|each|a|for every|for|by every) (?:rep|person|salesperson|seller|team member|member|head))?\.?$", Options | RegexOptions.ExplicitCapture)]
    private static partial Regex TeamTargetSetPattern();
}

/// <summary>
/// "team target: 20 calls a week per rep": a manager's weekly target for each rep of their team.
/// </summary>
/// <param name="Measure">What it counts; null when <paramref name="KindWords"/> name nothing the bot records.</param>
/// <param name="KindWords">The words said for the kind ("calls", "lunches").</param>
/// <param name="PerWeek">How many a week; <see cref="int.MaxValue"/> when the number was too large to read.</param>
public sealed record SetTeamTarget(TargetMeasure? Measure, string KindWords, int PerWeek) : Command
{
    /// <summary>The period said when it was not a week ("day", "month"); targets are weekly, so the host asks again.</summary>
    public string? OtherUnit { get; init; }
}

/// <summary>"team targets": the weekly targets that apply to the manager's team, and where each was set.</summary>
public sealed record ShowTeamTargets : Command;

/// <summary>"no team target for calls": removes the manager's own target of that kind (the targets file's applies again).</summary>
public sealed record RemoveTeamTarget(TargetMeasure? Measure, string KindWords) : Command;
