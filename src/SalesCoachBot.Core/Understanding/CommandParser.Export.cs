using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>Exports and charts: tried before the views, so "export team pipeline" is not the team pipeline itself.</summary>
public static partial class CommandParser
{
    private static (Regex, Rule)[] ExportRules() =>
    [
        (ExportPattern(), (m, _) => new ExportDeals(m.Groups["team"].Success ? ExportScope.TeamPipeline : ExportScope.MyDeals)),
        (PipelineChartPattern(), (_, _) => new ShowPipelineChart()),
    ];

    // "export my deals", "download my pipeline as csv", "csv of the team pipeline", "export team deals to excel",
    // "can I get my deals in a spreadsheet". A deal's name is never exported alone, so "export contoso" stays unread.
    [GeneratedRegex(
        @"^(?:(?:can|could) (?:i|you) (?:get|have|download|export)|(?:export|download|dump|extract)|(?:give me|send me|get me|i want|i need)(?: an?)?(?: csv| spreadsheet| excel(?: file)?| export)? (?:of|with)?)\s*(?:all\s+)?(?:of\s+)?(?:(?<team>(?:my |the |our )?team(?:'s)?)|my|our|the)?\s*(?:open\s+)?(?:deals|pipeline|opportunities|opps)(?: list)?(?:\s+(?:as|to|in|into)\s+(?:a\s+)?(?:csv|spreadsheet|excel|a file|file))?(?: file)?\??$" +
        @"|^(?:an?\s+)?(?:csv|spreadsheet|excel(?: file)?) (?:of|with) (?:all\s+)?(?:(?<team>(?:my |the |our )?team(?:'s)?)|my|our|the)?\s*(?:open\s+)?(?:deals|pipeline|opportunities|opps)\??$",
        Options | RegexOptions.ExplicitCapture)]
    private static partial Regex ExportPattern();

    // "pipeline chart", "chart my pipeline", "show my pipeline as a chart", "pipeline funnel", "funnel chart".
    [GeneratedRegex(
        @"^(?:show (?:me )?)?(?:my |the )?(?:pipeline (?:chart|funnel|graph|picture)|funnel(?: chart)?)\??$" +
        @"|^(?:chart|graph|draw|plot) (?:of )?(?:my |the )?(?:pipeline|deals)\??$" +
        @"|^(?:show (?:me )?)?(?:my |the )?(?:pipeline|deals) (?:as|in) an? (?:chart|funnel|graph|picture)\??$",
        Options | RegexOptions.ExplicitCapture)]
    private static partial Regex PipelineChartPattern();
}
