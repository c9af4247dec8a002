using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// Turns a rep's chat message into a <see cref="Command"/>. Pure: the same text and context always give the same command.
/// Rules are tried in order; the first that matches wins. Each rule is one readable pattern.
/// </summary>
public static partial class CommandParser
{
    public const int MaxMessageLength = 2000;

    private delegate Command? Rule(Match match, ParseContext context);

    private static readonly (Regex Pattern, Rule Build)[] _rules =
    [
        (HelpPattern(), (_, _) => new ShowHelp()),
        (GreetPattern(), (_, _) => new Greet()),
        (ListPattern(), (_, _) => new ListDeals()),
        (NextStepForPattern(), NextStep),
        (NextStepAfterPattern(), NextStep),
        (CreatePattern(), Create),
        (CloseDatePattern(), CloseDate),
        (AmountPattern(), Amount),
        (WorthPattern(), Amount),
        (MarkPattern(), (m, _) => Close(m, won: m.Groups["outcome"].Value.Equals("won", StringComparison.OrdinalIgnoreCase))),
        (LostPattern(), (m, _) => Close(m, won: false)),
        (LostFirstPattern(), (m, _) => Close(m, won: false)),
        (WonPattern(), (m, _) => Close(m, won: true)),
        (WonFirstPattern(), (m, _) => Close(m, won: true)),
        (AdvancePattern(), (m, _) => Deal(m) is { } deal ? new AdvanceDeal(deal) : null),
        (MovePattern(), Move),
        (IsInPattern(), Move),
        (ShowPattern(), (m, _) => Deal(m) is { } deal ? new ShowDeal(deal) : null),
        (DetailsPattern(), (m, _) => Deal(m) is { } deal ? new ShowDeal(deal) : null),
    ];

    public static Command Parse(string? text, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clean = Tidy(text);
        if (clean.Length == 0)
        {
            return new NotUnderstood(string.Empty, null);
        }

        if (clean.Length > MaxMessageLength)
        {
            return new NotUnderstood(clean[..80] + "…", $"That message is {clean.Length} characters long; I read messages up to {MaxMessageLength}.");
        }

        foreach (var (pattern, build) in _rules)
        {
            var match = pattern.Match(clean);
            if (match.Success && build(match, context) is { } command)
            {
                return command;
            }
        }

        return new NotUnderstood(clean, null);
    }

    private static string Tidy(string? text) =>
        WhitespacePattern().Replace(text ?? string.Empty, " ").Trim().TrimEnd('.', '!', ' ');

    private static string? Deal(Match match)
    {
        var phrase = DealNoisePattern().Replace(match.Groups["deal"].Value, string.Empty).Trim(' ', ',', ':', '"', '\'');
        return phrase.Length == 0 || StopWordPattern().IsMatch(phrase) ? null : phrase;
    }

    private static Command? NextStep(Match match, ParseContext context)
    {
        if (Deal(match) is not { } deal)
        {
            return null;
        }

        var text = match.Groups["text"].Value.Trim();
        return DateExpressionParser.TryParseTrailing(text, context.Today, out var due, out var rest) && rest.Length > 0
            ? new SetNextStep(deal, rest, due)
            : new SetNextStep(deal, text, null);
    }

    private static Command? Create(Match match, ParseContext context)
    {
        string? modelId = null;
        if (match.Groups["model"].Success)
        {
            var model = context.Process.FindModel(match.Groups["model"].Value);
            if (model is null)
            {
                var known = string.Join(", ", context.Process.Models.Select(m => m.Id));
                return new NotUnderstood(match.Value, $"I don't know a '{match.Groups["model"].Value}' selling model. The models are: {known}.");
            }

            modelId = model.Id;
        }

        var rest = match.Groups["rest"].Value.Trim(' ', ':', ',');
        // "new deal 3M": an amount with nothing before it is the name, not an amount.
        var hasAmount = MoneyParser.TryFindTrailing(rest, out var amount, out var withoutAmount) && withoutAmount.Trim().Length > 0;
        var name = (hasAmount ? withoutAmount : rest).Trim(' ', ':', ',', '"', '\'');
        return name.Length == 0
            ? new NotUnderstood(match.Value, "Give the deal a name, for example: new deal Contoso Ltd 45k.")
            : new CreateDeal(name, hasAmount ? amount : null, modelId);
    }

    private static Command? CloseDate(Match match, ParseContext context)
    {
        if (Deal(match) is not { } deal)
        {
            return null;
        }

        var dateText = match.Groups["date"].Value;
        return DateExpressionParser.TryParse(dateText, context.Today, out var date)
            ? new SetCloseDate(deal, date)
            : new NotUnderstood(match.Value, $"I couldn't read '{dateText}' as a date. Try 'dec 15', 'next friday', 'in 3 weeks' or '2026-12-15'.");
    }

    private static Command? Amount(Match match, ParseContext context)
    {
        if (Deal(match) is not { } deal)
        {
            return null;
        }

        var amountText = match.Groups["amount"].Value;
        return MoneyParser.TryParse(amountText, out var amount)
            ? new SetAmount(deal, amount)
            : new NotUnderstood(match.Value, $"I couldn't read '{amountText}' as an amount. Try '50k', '$50,000', '1.2m' or '50000 EUR'.");
    }

    private static CloseDeal? Close(Match match, bool won)
    {
        var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : null;
        return Deal(match) is { } deal ? new CloseDeal(deal, won, string.IsNullOrEmpty(reason) ? null : reason) : null;
    }

    private static MoveDeal? Move(Match match, ParseContext context)
    {
        var stage = match.Groups["stage"].Value.Trim();
        return Deal(match) is { } deal && stage.Length > 0 ? new MoveDeal(deal, stage) : null;
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    // "the Contoso deal", "my deal Contoso", "deal: Contoso" all mean Contoso.
    [GeneratedRegex(@"^(?:the|my|our)\s+|^(?:deal|opportunity|opp)\s*[:\-]?\s+|\s+(?:deal|opportunity|opp)$", Options)]
    private static partial Regex DealNoisePattern();

    [GeneratedRegex(@"^(?:it|this|that|a|an|the|deal|deals|my|me|i|we|you)$", Options)]
    private static partial Regex StopWordPattern();

    [GeneratedRegex(@"^(?:help|\?|commands|menu|what can you do\??|what can i (?:say|do)\??|how do i use (?:this|you)\??|usage)$", Options)]
    private static partial Regex HelpPattern();

    [GeneratedRegex(@"^(?:hi|hello|hey|hiya|howdy|start|get started|good (?:morning|afternoon|evening))(?:\s+(?:there|bot|coach|sales coach))?$", Options)]
    private static partial Regex GreetPattern();

    [GeneratedRegex(@"^(?:(?:show|list|see|view)(?: me)?\s+)?(?:all\s+)?(?:my\s+)?(?:open\s+)?(?:deals|pipeline|opportunities|opps)(?:\s+list)?\??$|^what(?:'s| is) in my pipeline\??$", Options)]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"^(?:log |set |add |record )?(?:the |a )?next step (?:for|on|of) (?<deal>[^:]+?)\s*(?::|-|–|\bis\b|\bto\b)\s*(?<text>.+)$", Options)]
    private static partial Regex NextStepForPattern();

    [GeneratedRegex(@"^(?<deal>.+?)(?:'s)?\s+next step(?:\s+is)?\s*[:\-–]?\s*(?<text>.+)$", Options)]
    private static partial Regex NextStepAfterPattern();

    [GeneratedRegex(@"^(?:new|add|create|log|open|start)(?:\s+(?:a|an|a new|another))?(?:\s+(?<model>[a-z][\w-]*))?\s+(?:deal|opportunity|opp)(?:\s+(?:for|called|named|with))?\s*[:\-]?\s*(?<rest>.+)$", Options)]
    private static partial Regex CreatePattern();

    [GeneratedRegex(@"^(?:set\s+)?(?<deal>.+?)(?:'s)?\s+(?:closes|will close|closing|close date(?:\s+(?:is|to))?|expected close(?: date)?(?:\s+(?:is|to))?|is expected to close|expected to close)(?:\s+(?:on|by|in))?\s*:?\s*(?<date>.+)$", Options)]
    private static partial Regex CloseDatePattern();

    [GeneratedRegex(@"^(?:set\s+|change\s+|update\s+)?(?<deal>.+?)(?:'s)?\s+(?:amount|value|size|deal size)(?:\s+(?:is|to|=))?\s*:?\s*(?<amount>.+)$", Options)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^(?<deal>.+?)\s+is (?:now )?worth\s+(?<amount>.+)$", Options)]
    private static partial Regex WorthPattern();

    [GeneratedRegex(@"^(?<deal>.+?)\s+(?:is\s+|was\s+|has been\s+)?(?:closed[\s-])?(?:lost|dead)(?:\s*(?:[:\-–,]|\bbecause\b|\bdue to\b|\breason:?)\s*(?<reason>.+))?$", Options)]
    private static partial Regex LostPattern();

    [GeneratedRegex(@"^(?:mark|close|set)\s+(?<deal>.+?)\s+(?:as\s+)?(?:closed[\s-])?(?<outcome>won|lost)(?:\s*(?:[:\-–]|\bbecause\b|\bdue to\b)\s*(?<reason>.+))?$", Options)]
    private static partial Regex MarkPattern();

    [GeneratedRegex(@"^(?:we\s+)?lost\s+(?<deal>.+?)(?:\s*(?:[:\-–]|\bbecause\b|\bdue to\b)\s*(?<reason>.+))?$", Options)]
    private static partial Regex LostFirstPattern();

    [GeneratedRegex(@"^(?<deal>.+?)\s+(?:is\s+|was\s+|has been\s+)?(?:closed[\s-])?(?:won|signed|booked)$", Options)]
    private static partial Regex WonPattern();

    [GeneratedRegex(@"^(?:we\s+)?won\s+(?<deal>.+)$", Options)]
    private static partial Regex WonFirstPattern();

    [GeneratedRegex(@"^(?:advance|progress)\s+(?<deal>.+?)(?:\s+(?:forward|on|ahead|along|to the next stage|to next stage))?$|^move\s+(?<deal>.+?)\s+(?:forward|on|ahead|along|to the next stage|to next stage)$", Options)]
    private static partial Regex AdvancePattern();

    [GeneratedRegex(@"^(?:move|moved|push|put|set|change|update)\s+(?<deal>.+?)\s+(?:to|into|in|at)\s+(?:the\s+)?(?<stage>.+?)(?:\s+stage)?$", Options)]
    private static partial Regex MovePattern();

    [GeneratedRegex(@"^(?<deal>.+?)\s+(?:is now|is|has moved|moved|moves|goes|went)\s+(?:in|into|to|at|in the|at the)\s+(?:the\s+)?(?<stage>.+?)(?:\s+stage)?$", Options)]
    private static partial Regex IsInPattern();

    [GeneratedRegex(@"^(?:show|open|view|details (?:for|of|on)|status (?:of|for)|how is|how's|what about|tell me about|find)\s+(?:me\s+)?(?<deal>.+?)\??$", Options)]
    private static partial Regex ShowPattern();

    [GeneratedRegex(@"^(?<deal>.+?)\s+(?:details|status|info)\??$", Options)]
    private static partial Regex DetailsPattern();
}
