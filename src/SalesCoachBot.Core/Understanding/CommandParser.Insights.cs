using System.Text.RegularExpressions;
using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// The insight phrasings the older question rules do not know: the process report, a deal's forecast category, a
/// rep's deals, "what closes this month", and slips typed in insight words ("forcast", "pipline", "quater").
/// Tried just before the question rules (<see cref="ViewRules"/>).
/// </summary>
public static partial class CommandParser
{
    private static (Regex, Rule)[] InsightRules() =>
    [
        (InsightTypoPattern(), (m, c) => ParseSentence(FixInsightTypos(m.Value), c, allowClauses: false)),
        (ProcessReportPattern(), (m, c) => new ShowProcessReport(ModelWord(m, c))),
        (ForecastCategoryPattern(), (m, _) => Deal(m.Groups["deal"].Value) is { } deal ? new SetForecastCategory(deal, Category(m.Groups["cat"].Value)) : null),
        (ForecastUncategoryPattern(), (m, _) => Deal(m.Groups["deal"].Value) is { } deal ? new SetForecastCategory(deal, null) : null),
        (ClosesInPeriodPattern(), (m, c) => Insight(InsightKind.Forecast, m, c)),
        (RepDealsPattern(), RepDeals),
        (AskQuotaPattern(), AskQuota),
        (QuotaPattern(), Quota),
    ];

    private static AskQuota? AskQuota(Match match, ParseContext context)
    {
        var rep = match.Groups["rep"].Value.Trim();
        return rep.Length == 0 || rep.Equals("my", StringComparison.OrdinalIgnoreCase) || rep.Equals("i", StringComparison.OrdinalIgnoreCase) ? new AskQuota(null)
            : NotARepPattern().IsMatch(rep) ? null
            : new AskQuota(rep);
    }

    private static SetQuota? Quota(Match match, ParseContext context)
    {
        if (!MoneyParser.TryParse(match.Groups["amount"].Value.Trim(), out var amount) || amount.Amount <= 0)
        {
            return null;
        }

        var rep = match.Groups["rep"].Value.Trim();
        return rep.Equals("my", StringComparison.OrdinalIgnoreCase) || rep.Length == 0 ? new SetQuota(null, amount)
            : NotARepPattern().IsMatch(rep) ? null
            : new SetQuota(rep, amount);
    }

    // Slips in the words of insight questions, each to the word meant; none of them is a correct word, so a fixed
    // message never matches again.
    private static readonly Dictionary<string, string> InsightTypos = new(StringComparer.OrdinalIgnoreCase)
    {
        ["forcast"] = "forecast", ["forecats"] = "forecast", ["frecast"] = "forecast", ["forecaset"] = "forecast",
        ["forcaste"] = "forecast", ["forecst"] = "forecast", ["foercast"] = "forecast", ["forcase"] = "forecast",
        ["pipline"] = "pipeline", ["pipleine"] = "pipeline", ["piepline"] = "pipeline", ["pipelin"] = "pipeline", ["pipeine"] = "pipeline",
        ["quater"] = "quarter", ["qaurter"] = "quarter", ["quartr"] = "quarter", ["quarer"] = "quarter", ["qtr"] = "quarter",
        ["proccess"] = "process", ["proces"] = "process", ["prcess"] = "process", ["procss"] = "process",
        ["reprot"] = "report", ["reoprt"] = "report", ["rpeort"] = "report",
        ["comit"] = "commit", ["commmit"] = "commit", ["comitt"] = "commit",
        ["stast"] = "stats", ["stsats"] = "stats", ["statz"] = "stats",
        ["winrate"] = "win rate", ["win-rate"] = "win rate", ["atrisk"] = "at risk", ["at-risk"] = "at risk",
        ["doign"] = "doing", ["doin"] = "doing", ["stal"] = "stall", ["stuk"] = "stuck",
    };

    private static string FixInsightTypos(string text) =>
        InsightTypoWordPattern().Replace(text, m => InsightTypos.TryGetValue(m.Value, out var meant) ? meant : m.Value);

    private static ForecastCategory Category(string word) => word.ToLowerInvariant() switch
    {
        "commit" or "committed" => ForecastCategory.Commit,
        "pipeline" or "pipe" => ForecastCategory.Pipeline,
        _ => ForecastCategory.BestCase,
    };

    // "megans deals", "whats megan s quota": a possessive typed without its apostrophe carries the word as said ("megans");
    // the handler matches it to a rep of the manager's team, with or without the "s" (TeamReader.Find).
    private static ShowRepDeals? RepDeals(Match match, ParseContext context)
    {
        var rep = match.Groups["rep"].Value.Trim();
        if (rep.Length == 0 || NotARepPattern().IsMatch(rep))
        {
            return null;
        }

        var deal = match.Groups["deal"].Success ? Deal(match.Groups["deal"].Value) : null;
        return match.Groups["deal"].Success && string.IsNullOrEmpty(deal) ? null : new ShowRepDeals(rep, deal);
    }

    [GeneratedRegex(@"^(?=.*(?<![\w-])(?:forcast|forecats|frecast|forecaset|forcaste|forecst|foercast|forcase|pipline|pipleine|piepline|pipelin|pipeine|quater|qaurter|quartr|quarer|qtr|proccess|proces|prcess|procss|reprot|reoprt|rpeort|comit|commmit|comitt|stast|stsats|statz|winrate|win-rate|atrisk|at-risk|doign|doin|stal|stuk)(?![\w-])).*$", Options)]
    private static partial Regex InsightTypoPattern();

    [GeneratedRegex(@"(?<![\w-])(?:forcast|forecats|frecast|forecaset|forcaste|forecst|foercast|forcase|pipline|pipleine|piepline|pipelin|pipeine|quater|qaurter|quartr|quarer|qtr|proccess|proces|prcess|procss|reprot|reoprt|rpeort|comit|commmit|comitt|stast|stsats|statz|winrate|win-rate|atrisk|at-risk|doign|doin|stal|stuk)(?![\w-])", Options)]
    private static partial Regex InsightTypoWordPattern();

    [GeneratedRegex(@"^(?:show (?:me )?|give me |run |open )?(?:the |a |our )?(?:sales )?(?:process|stage|funnel|conversion) (?:report|health|analysis|diagnostics?|review|breakdown)(?: (?:for|on) (?:the |our )?(?<model>[\w-]+)(?: deals| model| sales)?)?\??$|^where (?:do|are) (?:our |my |the |team |)?(?:(?<model>[\w-]+) )?deals (?:stall|stalling|get stuck|getting stuck|slow down|die|drop off|dropping off|break down|leak)\b[^?]*\??$|^where does (?:our |the )?(?:sales )?process (?:break|leak|stall|slow down|fail)\b[^?]*\??$|^(?:which|what) stages? (?:is|are) (?:the )?(?:slowest|bottlenecks?|(?:too )?slow|where deals stall|(?:the )?weakest)\b[^?]*\??$|^(?:show (?:me )?|where are )?(?:the |our )?(?:process )?bottlenecks?\??$|^(?:how|is) (?:is |well is )?(?:our|the) (?:sales )?process (?:working|doing|performing)\??$", Options)]
    private static partial Regex ProcessReportPattern();

    [GeneratedRegex(@"^(?:put|move|mark|add|place|set|flag|forecast|call|count) (?<deal>.+?) (?:in|into|as|to|under|at)\s+(?:the\s+|my\s+)?(?<cat>commit|committed|best[- ]case|upside|pipeline|pipe)(?: category| bucket| column| forecast)?$|^(?!(?:what|how|who|which|why|where|when|is)\b)(?<deal>.+?) (?:is|goes in|belongs in) (?:a\s+|my\s+|the\s+)?(?<cat>commit|best[- ]case|upside)(?: deal)?$", Options)]
    private static partial Regex ForecastCategoryPattern();

    [GeneratedRegex(@"^(?:take|remove|pull|move|drop) (?<deal>.+?) (?:out of|off|from) (?:the\s+|my\s+)?(?:commit|best[- ]case|upside)(?: category| bucket| column)?$|^(?:reset|clear|undo) (?:the )?(?:forecast )?(?:category )?(?:for|of|on) (?<deal>.+?)$|^forecast (?<deal>.+?) by (?:its )?(?:stage|probability)$", Options)]
    private static partial Regex ForecastUncategoryPattern();

    [GeneratedRegex(@"^what(?: is)? (?:closes|closing|is closing|will close|is going to close|should close|is due to close|is expected to close)\b[^?]*\??$|^(?:what|which deals?) (?:do|am) i (?:expect(?:ing)? to close|have closing)\b[^?]*\??$|^(?:deals |anything )?closing (?:this|next) (?:week|month|quarter)\??$", Options)]
    private static partial Regex ClosesInPeriodPattern();

    [GeneratedRegex(@"^(?:set )?(?:(?<rep>my)|(?<rep>[a-z][\w.-]*(?: [a-z][\w.-]*)?)'s) (?:quarterly )?(?:quota|target|number)(?: for (?:this|the|each|every) quarter)? *(?:is|to|=|:|at|of)? *(?<amount>[$€£]?\d[\d,.]*\s*[km]?(?: ?[A-Z]{3})?)(?: (?:this|a|per|each|every|for the) quarter)?$", Options)]
    private static partial Regex QuotaPattern();

    [GeneratedRegex(@"^(?:what(?:'s|’s| is)|whats|how much is|show(?: me)?|tell me) (?:(?<rep>my)|(?<rep>[a-z][\w.-]*(?: [a-z][\w.-]*)?)(?:'s|’s)|(?<rep>[a-z][\w.-]*s)|(?<rep>[a-z][\w.-]*) s) (?:quarterly )?(?:quota|number)(?: (?:this|for the|for this) quarter)?\??$|^(?:do|have) (?<rep>i|[a-z][\w.-]*(?: [a-z][\w.-]*)?) (?:have|got|get) a (?:quarterly )?quota\??$", Options)]
    private static partial Regex AskQuotaPattern();

    [GeneratedRegex(@"^(?:show (?:me )?|list |open |pull up |see |view )?(?:(?<rep>[a-z][\w.-]*(?: [a-z][\w.-]*)?)'s?|(?<rep>[a-z][\w.-]*s)|(?<rep>[a-z][\w.-]*) s) (?:open )?(?:deals|pipeline|pipe|opps|opportunities|accounts|book)\??$|^what (?:is|has) (?<rep>[a-z][\w.-]*(?: [a-z][\w.-]*)?) (?:got )?(?:working on|got in (?:the|their|her|his) pipe(?:line)?|in (?:the|their|her|his) pipe(?:line)?)\??$|^(?:show|open|pull up|view) (?:me )?(?<rep>[a-z][\w.-]*(?: [a-z][\w.-]*)?)'s (?<deal>(?!(?:next step|stage|status|amount|close date|details|numbers|stats|scorecard|results|activity|performance|forecast|quota|win rate)\b)[^?]+?)\??$", Options)]
    private static partial Regex RepDealsPattern();
}
