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
        (StalledPattern(), (_, _) => new ShowStalled()),
        (HoursPattern(), (m, _) => new SetWorkingHours(m.Groups["spec"].Value.Trim())),
        (TimeZonePattern(), (m, _) => new SetTimeZone(m.Groups["zone"].Value.Trim())),
        (ManagerPattern(), (m, _) => new SetManager(m.Groups["who"].Value.Trim())),
        (SnoozePattern(), Snooze),
        (TourPattern(), (m, _) => new StartTour(Model(m))),
        (HowProcessWorksPattern(), (m, _) => new ExplainProcess(Model(m))),
        (ExplainProcessPattern(), (m, _) => new ExplainProcess(Model(m))),
        (StageActionsPattern(), (m, c) => Stage(m, StageTopic.Actions, c)),
        (ExitCriteriaPattern(), (m, c) => Stage(m, StageTopic.ExitCriteria, c)),
        (TimingPattern(), (m, c) => Stage(m, StageTopic.Timing, c)),
        (StageOverviewPattern(), (m, c) => Stage(m, StageTopic.Overview, c)),
        (ToolsPattern(), (m, _) => Tools(m)),
        (NextStepForPattern(), NextStep),
        (NextStepAfterPattern(), NextStep),
        (CoachPattern(), (m, _) => Deal(m) is { } deal ? new CoachDeal(deal) : null),
        (CreatePattern(), Create),
        (CloseDatePattern(), CloseDate),
        (AmountPattern(), Amount),
        (WorthPattern(), Amount),
        (MarkPattern(), (m, _) => Close(m, won: m.Groups["outcome"].Value.Equals("won", StringComparison.OrdinalIgnoreCase))),
        (MovePattern(), Move),
        (IsInPattern(), Move),
        (LostPattern(), (m, _) => Close(m, won: false)),
        (LostFirstPattern(), (m, _) => Close(m, won: false)),
        (WonPattern(), (m, _) => Close(m, won: true)),
        (WonFirstPattern(), (m, _) => Close(m, won: true)),
        (AdvancePattern(), (m, _) => Deal(m) is { } deal ? new AdvanceDeal(deal, Confirmation(m)) : null),
        (ShowPattern(), (m, _) => Deal(m) is { } deal ? new ShowDeal(deal) : null),
        (DetailsPattern(), (m, _) => Deal(m) is { } deal ? new ShowDeal(deal) : null),
        (DefinePattern(), (m, _) => new Define(m.Groups["term"].Value.Trim())),
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

        // "new deal Contoso 45k closing dec 15" / "… by friday": the expected close date, when a connector says so
        // (so "new deal Vision 2030" stays a name).
        DateOnly? expectedClose = null;
        if (NewDealClosePattern().Match(rest) is { Success: true } close
            && DateExpressionParser.TryParse(close.Groups["when"].Value, context.Today, out var closeDate))
        {
            expectedClose = closeDate;
            rest = NewDealCloseWordsPattern().Replace(close.Groups["before"].Value, string.Empty).Trim(' ', ':', ',', ';', '-');
        }

        // "new deal 3M": an amount with nothing before it is the name, not an amount.
        var hasAmount = MoneyParser.TryFindTrailing(rest, out var amount, out var withoutAmount) && withoutAmount.Trim().Length > 0;
        var name = (hasAmount ? withoutAmount : rest).Trim(' ', ':', ',', '"', '\'');
        return name.Length == 0
            ? new NotUnderstood(match.Value, "Give the deal a name, for example: new deal Contoso Ltd 45k.")
            : new CreateDeal(name, hasAmount ? amount : null, modelId) { ExpectedClose = expectedClose };
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
        var deal = Deal(match);

        // "contoso is not lost", "contoso is almost won", "how many deals have we won?" are not closings.
        if (deal is null || match.Value.EndsWith('?') || NotAClosingPattern().IsMatch(deal))
        {
            return null;
        }

        return new CloseDeal(deal, won, string.IsNullOrEmpty(reason) ? null : reason);
    }

    private static MoveDeal? Move(Match match, ParseContext context)
    {
        var stage = match.Groups["stage"].Value.Trim();
        return Deal(match) is { } deal && stage.Length > 0 ? new MoveDeal(deal, stage, Confirmation(match)) : null;
    }

    private static Command? Snooze(Match match, ParseContext context)
    {
        if (Deal(match) is not { } deal)
        {
            return null;
        }

        var when = match.Groups["when"].Value.Trim();
        if (NextStepDuePattern().IsMatch(when))
        {
            return new SnoozeDeal(deal, new SnoozeSpec(null, null, UntilNextStep: true));
        }

        var untilText = UntilPrefixPattern().Replace(when, string.Empty);
        if (DateExpressionParser.TryParse(untilText, context.Today, out var date) && !DurationOnlyPattern().IsMatch(when))
        {
            return new SnoozeDeal(deal, new SnoozeSpec(date, null, false));
        }

        var duration = DurationPattern().Match(when);
        if (duration.Success)
        {
            var count = duration.Groups["n"].Value is "a" or "an" or "" ? 1 : int.Parse(duration.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var unit = duration.Groups["unit"].Value.ToLowerInvariant();
            var span = unit.StartsWith('w') ? TimeSpan.FromDays(7 * count) : unit.StartsWith('h') ? TimeSpan.FromHours(count) : TimeSpan.FromDays(count);
            return count is > 0 and <= 365 ? new SnoozeDeal(deal, new SnoozeSpec(null, span, false)) : null;
        }

        return new NotUnderstood(match.Value, $"I couldn't read '{when}' as a snooze. Try 'snooze {deal} until friday', 'snooze {deal} 3 days' or 'snooze {deal} until the next step is due'.");
    }

    private static ExitConfirmation Confirmation(Match match) =>
        match.Groups["confirm"].Value.ToLowerInvariant() switch
        {
            "" => ExitConfirmation.Ask,
            "anyway" or "regardless" => ExitConfirmation.Anyway,
            _ => ExitConfirmation.AllMet,
        };

    private static string? Model(Match match) =>
        match.Groups["model"].Success && match.Groups["model"].Value.Length > 0 && !StopWordPattern().IsMatch(match.Groups["model"].Value)
            ? match.Groups["model"].Value.Trim()
            : null;

    /// <summary>
    /// A question about a stage. When the phrase names no stage of any model, the message may be about a deal
    /// ("tell me about contoso", "what should I do for contoso"), so it falls through to the deal rules, unless it
    /// says "stage" outright, which gets the list of real stages.
    /// </summary>
    private static ExplainStage? Stage(Match match, StageTopic topic, ParseContext context)
    {
        var stage = match.Groups["stage"].Value.Trim();
        if (stage.Length == 0 || StopWordPattern().IsMatch(stage))
        {
            return null;
        }

        var known = context.Process.Models.Any(m => m.FindStages(stage).Count > 0);
        return known || match.Value.Contains("stage", StringComparison.OrdinalIgnoreCase) ? new ExplainStage(stage, topic) : null;
    }

    private static ExplainTools Tools(Match match)
    {
        var kind = match.Groups["kind"].Value.ToLowerInvariant();
        return new ExplainTools(match.Groups["target"].Value.Trim(), kind is "tools" or "tool" ? null : kind);
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    // The last connector wins ("Stand By Me Records 20k to close by dec 15"); the date after it must parse.
    [GeneratedRegex(@"^(?<before>.+)[\s,;-]+(?:(?:closing|closes|close)(?:\s+(?:on|by))?|by|on)\s+(?<when>\S.*)$", Options)]
    private static partial Regex NewDealClosePattern();

    [GeneratedRegex(@"[\s,;-]+(?:to\s+)?(?:closing|closes|close)$", Options)]
    private static partial Regex NewDealCloseWordsPattern();

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

    [GeneratedRegex(@"^(?!(?:what|what's|whats|how|when|which|where|who|is|are|do|does)\b)(?<deal>.+?)(?:'s)?\s+next step(?:\s*[:\-–]|\s+is\b)\s*(?<text>.+)$", Options)]
    private static partial Regex NextStepAfterPattern();

    [GeneratedRegex(@"^(?:new|add|create|log|open|start)(?:\s+(?:a|an|a new|another))?(?:\s+(?<model>[a-z][\w-]*))?\s+(?:deal|opportunity|opp)(?:\s+(?:for|called|named|with))?\s*[:\-]?\s*(?<rest>.+)$", Options)]
    private static partial Regex CreatePattern();

    [GeneratedRegex(@"^(?:set\s+)?(?<deal>.+?)(?:'s)?\s+(?:closes|will close|closing|close date(?:\s+(?:is|to))?|expected close(?: date)?(?:\s+(?:is|to))?|is expected to close|expected to close)(?:\s+(?:on|by|in))?\s*:?\s*(?<date>.+)$", Options)]
    private static partial Regex CloseDatePattern();

    [GeneratedRegex(@"^(?:set\s+|change\s+|update\s+)?(?<deal>.+?)(?:'s)?\s+(?:amount|value|size|deal size)(?:\s+(?:is|to|=))?\s*:?\s*(?<amount>.+)$", Options)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^(?<deal>.+?)\s+is (?:now )?worth\s+(?<amount>.+)$", Options)]
    private static partial Regex WorthPattern();

    [GeneratedRegex(@"^(?<deal>.+?)\s+(?:is\s+|was\s+|has been\s+)?(?:closed[\s-])?(?:lost|dead)(?:\s*(?:[:\-–,]|\bbecause of\b|\bbecause\b|\bdue to\b|\breason:?)\s*(?<reason>.+))?$", Options)]
    private static partial Regex LostPattern();

    [GeneratedRegex(@"^(?:mark|close|set)\s+(?<deal>.+?)\s+(?:as\s+|to\s+)?(?:closed[\s-])?(?<outcome>won|lost)(?:\s*(?:[:\-–]|\bbecause\b|\bdue to\b)\s*(?<reason>.+))?$", Options)]
    private static partial Regex MarkPattern();

    [GeneratedRegex(@"^(?:we\s+)?lost\s+(?<deal>.+?)(?:\s*(?:[:\-–]|\bbecause\b|\bdue to\b)\s*(?<reason>.+))?$", Options)]
    private static partial Regex LostFirstPattern();

    [GeneratedRegex(@"^(?<deal>.+?)\s+(?:is\s+|was\s+|has been\s+)?(?:closed[\s-])?(?:won|signed|booked)$", Options)]
    private static partial Regex WonPattern();

    [GeneratedRegex(@"^(?:we\s+)?won\s+(?<deal>.+)$", Options)]
    private static partial Regex WonFirstPattern();

    [GeneratedRegex(@"^(?:advance|progress)\s+(?<deal>.+?)(?:\s+(?:forward|on|ahead|along|to the next stage|to next stage))?(?:\s*,?\s*(?:-\s*)?(?<confirm>confirmed|criteria met|all criteria met|all met|anyway|regardless))?$|^move\s+(?<deal>.+?)\s+(?:forward|on|ahead|along|to the next stage|to next stage)(?:\s*,?\s*(?:-\s*)?(?<confirm>confirmed|criteria met|all criteria met|all met|anyway|regardless))?$", Options)]
    private static partial Regex AdvancePattern();

    [GeneratedRegex(@"^(?:move|moved|push|put|set|change|update)\s+(?<deal>.+?)\s+(?:back\s+)?(?:to|into|in|at)\s+(?:the\s+)?(?<stage>.+?)(?:\s+stage)?(?:\s*,?\s*(?:-\s*)?(?<confirm>confirmed|criteria met|all criteria met|all met|anyway|regardless))?$", Options)]
    private static partial Regex MovePattern();

    [GeneratedRegex(@"^(?<deal>.+?)\s+(?:is now|is|has moved|moved|moves|goes|went)\s+(?:back\s+)?(?:in|into|to|at|in the|at the)\s+(?:the\s+)?(?<stage>.+?)(?:\s+stage)?(?:\s*,?\s*(?:-\s*)?(?<confirm>confirmed|criteria met|all criteria met|all met|anyway|regardless))?$", Options)]
    private static partial Regex IsInPattern();

    [GeneratedRegex(@"^(?:show|open|view|details (?:for|of|on)|status (?:of|for)|how is|how's|what about|tell me about|find)\s+(?:me\s+)?(?<deal>.+?)\??$", Options)]
    private static partial Regex ShowPattern();

    [GeneratedRegex(@"^(?<deal>.+?)\s+(?:details|status|info)\??$", Options)]
    private static partial Regex DetailsPattern();

    [GeneratedRegex(@"(?:\b(?:not|almost|nearly|never|hardly)|^(?:how|what|which|who|when|why|have|did|do|is|are)\b.*)$", Options)]
    private static partial Regex NotAClosingPattern();

    [GeneratedRegex(@"^(?:show\s+(?:me\s+)?)?(?:my\s+|the\s+|our\s+|team\s+)?(?:stalled|stuck|overdue) deals\??$|^what(?:'s| is) stalled\??$", Options)]
    private static partial Regex StalledPattern();

    [GeneratedRegex(@"^(?:set\s+)?my (?:working\s+|work\s+|office\s+)?hours(?:\s+are)?(?:\s+to)?\s*:?\s*(?<spec>.+)$|^i work (?<spec>.+)$", Options)]
    private static partial Regex HoursPattern();

    [GeneratedRegex(@"^(?:set\s+)?my (?:timezone|time zone|tz)(?:\s+is)?(?:\s+to)?\s*:?\s*(?<zone>\S+)$|^i(?:'m| am) in (?:the\s+)?(?<zone>[A-Za-z_]+/[A-Za-z_/]+|UTC)(?: time zone)?$", Options)]
    private static partial Regex TimeZonePattern();

    [GeneratedRegex(@"^(?:set\s+)?my (?:manager|boss|lead|team lead)(?:\s+is)?(?:\s+to)?\s*:?\s*(?<who>.+)$|^i report to (?<who>.+)$", Options)]
    private static partial Regex ManagerPattern();

    [GeneratedRegex(@"^(?:snooze|mute|pause|remind me about)\s+(?<deal>.+?)\s+(?<when>(?:until|till|til|for|to|on|in)\s+.+|\d+\s*(?:days?|d|weeks?|w|hours?|h)|a\s+(?:day|week)|an\s+hour|tomorrow|next week)$", Options)]
    private static partial Regex SnoozePattern();

    [GeneratedRegex(@"^(?:until|till|til|to)\s+(?:the\s+)?next step(?:'s)?(?:\s+is)?\s+due(?: date)?$|^(?:until|till)\s+(?:it'?s|its)\s+due$", Options)]
    private static partial Regex NextStepDuePattern();

    [GeneratedRegex(@"^(?:until|till|til|to|on)\s+", Options)]
    private static partial Regex UntilPrefixPattern();

    [GeneratedRegex(@"^(?:for\s+)?(?:a|an|\d+)\s*(?:days?|d|weeks?|w|hours?|h)$", Options)]
    private static partial Regex DurationOnlyPattern();

    [GeneratedRegex(@"^(?:for\s+|in\s+)?(?<n>\d+|a|an)?\s*(?<unit>days?|d|weeks?|w|hours?|h)$", Options)]
    private static partial Regex DurationPattern();

    // The playbook: questions a new hire asks about the process. Tried before the deal commands.
    [GeneratedRegex(@"^(?:please\s+)?(?:walk me through|take me through|give me a tour of|show me around|tour of|onboard me on|teach me)\s+(?:our\s+|the\s+|a\s+)?(?:(?<model>[a-z][\w-]*)\s+)??(?:sales\s+)?(?:process|stages|model|pipeline)\??$|^(?:start the |take the |start a )?tour\??$", Options)]
    private static partial Regex TourPattern();

    [GeneratedRegex(@"^how (?:does|do) (?:our|the|my|a)\s+(?:(?<model>[a-z][\w-]*)\s+)??(?:sales\s+)?(?:process|model|pipeline|sale) work\??$", Options)]
    private static partial Regex HowProcessWorksPattern();

    [GeneratedRegex(@"^(?:(?:explain|show(?: me)?|describe|what(?:'s| is| are))\s+)?(?:our\s+|the\s+|my\s+)?(?:(?<model>[a-z][\w-]*)\s+)??(?:sales\s+process|process map|process|selling model|sales stages|stages)\??$", Options)]
    private static partial Regex ExplainProcessPattern();

    [GeneratedRegex(@"^what (?:do|should|must|can) (?:i|we|you|reps?) do (?:at|in|during|for) (?:the\s+|a\s+)?(?<stage>.+?)(?:\s+stage)?\??$|^what happens (?:at|in|during) (?:the\s+)?(?<stage>.+?)(?:\s+stage)?\??$|^(?:actions|steps) (?:for|at|in) (?:the\s+)?(?<stage>.+?)(?:\s+stage)?\??$", Options)]
    private static partial Regex StageActionsPattern();

    [GeneratedRegex(@"^(?:what are (?:the\s+)?)?exit criteria (?:for|of|in) (?:the\s+)?(?<stage>.+?)(?:\s+stage)?\??$|^what (?:gets|moves|takes) a deal (?:out of|past|through|beyond) (?:the\s+)?(?<stage>.+?)(?:\s+stage)?\??$|^(?:when|how) (?:can|do|should) (?:i|we) (?:move|get|take) (?:a deal\s+)?(?:out of|past|beyond) (?:the\s+)?(?<stage>.+?)(?:\s+stage)?\??$|^(?:how do i|when can i) (?:leave|exit) (?:the\s+)?(?<stage>.+?)(?:\s+stage)?\??$", Options)]
    private static partial Regex ExitCriteriaPattern();

    [GeneratedRegex(@"^how long (?:should|can|does|may|do|is) (?:a deal|deals|it|an? opportunit(?:y|ies)|i|we)?\s*(?:stay|be|sit|spend|take|last|remain)?\s*(?:in|at)?\s*(?:the\s+)?(?<stage>.+?)(?:\s+stage)?(?:\s+(?:take|last))?\??$|^(?:allowed time|timing|time limit) (?:for|of|in) (?:the\s+)?(?<stage>.+?)(?:\s+stage)?\??$", Options)]
    private static partial Regex TimingPattern();

    [GeneratedRegex(@"^(?:tell me about|explain|describe|what(?:'s| is)) (?:the\s+)?(?<stage>.+?) stage\??$|^(?:tell me about|explain|describe) (?:the\s+)?(?<stage>.+?)\??$", Options)]
    private static partial Regex StageOverviewPattern();

    [GeneratedRegex(@"^(?:what|which) (?<kind>tools?|collateral|materials?|content|presentations?|demos?|direct mail|telesales|lead generation)(?:\s+(?:do|should|can|to)\s+(?:i|we|reps?)?\s*(?:use|send|bring|show))?\s+(?:for|at|in|during|with)\s+(?:a\s+|an\s+|the\s+)?(?<target>.+?)\??$|^(?<kind>tools|collateral) (?:for|at|in) (?:a\s+|an\s+|the\s+)?(?<target>.+?)\??$", Options)]
    private static partial Regex ToolsPattern();

    [GeneratedRegex(@"^(?:what now|what next|what's next|whats next|next steps?|(?:what(?:'s| is| are) the )?next steps?|what should i do|how do i move|how do i advance|help me) (?:for|on|with) (?<deal>.+?)\??$|^coach(?: me)?(?: on| about| for| with)? (?<deal>.+?)\??$", Options)]
    private static partial Regex CoachPattern();

    [GeneratedRegex(@"^(?:what(?:'s| is| are| does)|define|definition of|meaning of)\s+(?:an?\s+|the\s+)?(?<term>[^?]+?)(?:\s+mean)?\??$", Options)]
    private static partial Regex DefinePattern();
}
