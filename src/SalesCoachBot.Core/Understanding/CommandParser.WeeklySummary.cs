using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>Turning the rep's weekly summary on and off: tried with the settings, before any deal phrase could take "summary".</summary>
public static partial class CommandParser
{
    private static (Regex, Rule)[] WeeklySummaryRules() =>
    [
        (WeeklySummaryOffPattern(), (_, _) => new SetWeeklySummary(On: false)),
        (WeeklySummaryOnPattern(), (_, _) => new SetWeeklySummary(On: true)),
    ];

    // "no weekly summary", "weekly summary off", "turn off my weekly summaries", "stop the weekly summary",
    // "I don't want the weekly summary", "unsubscribe from the weekly summary".
    [GeneratedRegex(
        @"^(?:no(?: more)?|stop(?: sending(?: me)?)?(?: the| my)?|turn off(?: the| my)?|disable(?: the| my)?|mute(?: the| my)?|unsubscribe(?: me)?(?: from)?(?: the| my)?|(?:i )?(?:do not|don't|dont) (?:want|need|send me)(?: the| my| a| any)?) weekly (?:summary|summaries|scorecard|scorecards)\.?$" +
        @"|^(?:my |the )?weekly (?:summary|summaries|scorecard|scorecards) off\.?$" +
        @"|^turn (?:the |my )?weekly (?:summary|summaries|scorecard|scorecards) off\.?$",
        Options | RegexOptions.ExplicitCapture)]
    private static partial Regex WeeklySummaryOffPattern();

    // "weekly summary on", "turn on my weekly summary", "send me a weekly summary", "start the weekly summaries again".
    [GeneratedRegex(
        @"^(?:my |the )?weekly (?:summary|summaries|scorecard|scorecards) on(?: again)?\.?$" +
        @"|^(?:turn on|enable|resume|start|restart|unmute)(?: the| my)? weekly (?:summary|summaries|scorecard|scorecards)(?: again)?\.?$" +
        @"|^turn (?:the |my )?weekly (?:summary|summaries|scorecard|scorecards) (?:back )?on(?: again)?\.?$" +
        @"|^(?:(?:please )?send me|i want|i'd like)(?: the| my| a)? weekly (?:summary|summaries|scorecard|scorecards)(?: again)?\.?$",
        Options | RegexOptions.ExplicitCapture)]
    private static partial Regex WeeklySummaryOnPattern();
}

/// <summary>"no weekly summary" / "weekly summary on": whether the rep gets their personal scorecard each Monday.</summary>
public sealed record SetWeeklySummary(bool On) : Command;
