using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>Conversation, settings, and every question or view: these are tried before any rule that changes a deal.</summary>
public static partial class CommandParser
{
    private static (Regex, Rule)[] ConversationRules() =>
    [
        (HelpPattern(), (_, _) => new ShowHelp()),
        (GreetPattern(), (_, _) => new Greet()),
        (UndoDealPattern(), (m, _) => Deal(m.Groups["deal"].Value) is { } deal ? new Undo(deal, m.Value) : null),
        (UndoPattern(), (m, _) => new Undo(Said: m.Value)),
    ];

    private static (Regex, Rule)[] SettingsRules() =>
    [
        (HoursPattern(), (m, _) => Hours(m)),
        (TimeZonePattern(), (m, _) => TimeZones.Resolve(m.Groups["zone"].Value) is { } zone ? new SetTimeZone(zone) : null),
        (ManagerPattern(), (m, _) => new SetManager(m.Groups["who"].Value.Trim())),
    ];

    // Questions about results and views of many deals. Team questions before one's own, stalled before "stuck on X".
    private static (Regex, Rule)[] ViewRules() =>
    [
        (DefineWithArticlePattern(), (m, _) => new Define(m.Groups["term"].Value.Trim())),
        (StalledPattern(), (_, _) => new ShowStalled()),
        (TeamPipelinePattern(), (_, _) => new AskInsight(InsightKind.TeamPipeline, null, null)),
        (TeamForecastPattern(), (m, c) => Insight(InsightKind.TeamForecast, m, c)),
        (TeamStatsPattern(), (m, c) => Insight(InsightKind.TeamStats, m, c)),
        (ForecastPattern(), (m, c) => Insight(InsightKind.Forecast, m, c)),
        (AtRiskPattern(), (m, c) => Insight(InsightKind.AtRisk, m, c)),
        (DuePattern(), (m, c) => Insight(InsightKind.Due, m, c)),
        (RepStatsPattern(), RepStats),
        (BareHowIsPattern(), BareHowIs),
        (StatsPattern(), (m, c) => Insight(InsightKind.Stats, m, c)),
        (ListPagePattern(), (m, _) => new ListDeals(int.TryParse(m.Groups["page"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1)),
        (ListPattern(), (_, _) => new ListDeals()),
    ];

    private static (Regex, Rule)[] PlaybookRules() =>
    [
        (CompareStagesPattern(), CompareStages),
        (ProcessTermPattern(), (m, _) => new Define(m.Groups["types"].Success ? "customer types" : m.Groups["term"].Value.Trim())),
        (TourPattern(), (m, c) => new StartTour(ModelWord(m, c))),
        (HowProcessWorksPattern(), HowProcessWorks),
        (ExplainProcessPattern(), (m, c) => new ExplainProcess(ModelWord(m, c))),
        (StageActionsPattern(), (m, c) => Stage(m, StageTopic.Actions, c)),
        (ExitCriteriaPattern(), (m, c) => Stage(m, StageTopic.ExitCriteria, c)),
        (TimingPattern(), (m, c) => Stage(m, StageTopic.Timing, c)),
        (StageOverviewPattern(), (m, c) => Stage(m, StageTopic.Overview, c)),
        (ToolsPattern(), (m, _) => Tools(m)),
        (DefinePattern(), (m, _) => new Define(m.Groups["term"].Value.Trim())),
        (DefineKnownTermPattern(), DefineKnown),
    ];

    private static (Regex, Rule)[] CoachAndShowRules() =>
    [
        (CoachPattern(), (m, _) => Deal(m.Groups["deal"].Value) is { } deal ? new CoachDeal(deal) : null),
        (CoachContextPattern(), (_, _) => new CoachDeal(DealPhrases.Context)),
        (ShowPattern(), (m, _) => Deal(m.Groups["deal"].Value) is { } deal ? new ShowDeal(deal) : null),
        (DealQuestionPattern(), (m, _) => Deal(m.Groups["deal"].Value) is { Length: > 0 } deal ? new ShowDeal(deal) : null),
        (BareNamePattern(), (m, _) => Deal(m.Groups["deal"].Value) is { Length: > 0 } deal ? new ShowDeal(deal) : null),
    ];

    private static AskInsight Insight(InsightKind kind, Match match, ParseContext context) =>
        new(kind, Period(match.Value, context.Dates), null) { Range = Range(match.Value, context.Dates) };

    /// <summary>
    /// Days a question names: "from nov 1 to nov 15", "between nov 1 and nov 15", "1 nov - 15 nov", "2026-11-01 to
    /// 2026-11-15", or a whole month ("in october": the latest one begun). Dates look back, as results are of the past.
    /// </summary>
    private static DayRange? Range(string text, DateBasis dates)
    {
        if (DateRangePattern().Match(text) is { Success: true } range
            && DateExpressionParser.TryParsePast(range.Groups["from"].Value, dates, out var first)
            && (DateExpressionParser.TryParsePast(range.Groups["to"].Value, dates, out var last)
                || DateExpressionParser.TryParse(range.Groups["to"].Value, dates, out last)))
        {
            return last < first ? new DayRange(last, first) : new DayRange(first, last);
        }

        if (InMonthPattern().Match(text) is { Success: true } month
            && DateTime.TryParseExact(month.Groups["month"].Value[..3], "MMM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var named))
        {
            var year = named.Month <= dates.Today.Month ? dates.Today.Year : dates.Today.Year - 1;
            var start = new DateOnly(year, named.Month, 1);
            return new DayRange(start, start.AddMonths(1).AddDays(-1));
        }

        return null;
    }

    private static AskInsight? RepStats(Match match, ParseContext context)
    {
        var rep = match.Groups["rep"].Value.Trim();
        return NotARepPattern().IsMatch(rep) ? null : new AskInsight(InsightKind.RepStats, Period(match.Value, context.Dates), rep) { Range = Range(match.Value, context.Dates) };
    }

    // "how's dana": a question about a person, unless the word names a deal ("how is contoso?"), which the host decides.
    private static AskInsight? BareHowIs(Match match, ParseContext context) =>
        RepStats(match, context) is { } question ? question with { OrDealPhrase = question.RepPhrase } : null;

    /// <summary>The period a question is about: "this quarter", "Q1" (which quarter that is, counted from today), "today".</summary>
    private static PeriodKind? Period(string text, DateBasis dates)
    {
        var match = PeriodPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["q"].Success)
        {
            return DateExpressionParser.QuartersAhead(dates.Today, dates.FiscalYearStartMonth, match.Groups["q"].ValueSpan[0] - '0') switch
            {
                0 => PeriodKind.ThisQuarter,
                1 => PeriodKind.NextQuarter,
                3 => PeriodKind.LastQuarter,
                _ => null,
            };
        }

        var words = match.Value.ToLowerInvariant();
        return words switch
        {
            "today" or "eod" => PeriodKind.Today,
            "tomorrow" => PeriodKind.Tomorrow,
            "this week" or "the week" => PeriodKind.ThisWeek,
            "last week" => PeriodKind.LastWeek,
            "this month" or "the month" => PeriodKind.ThisMonth,
            "last month" => PeriodKind.LastMonth,
            "next quarter" => PeriodKind.NextQuarter,
            "last quarter" => PeriodKind.LastQuarter,
            "last year" => PeriodKind.LastYear,
            "ytd" or "year to date" => PeriodKind.YearToDate,
            _ when words.Contains("quarter", StringComparison.Ordinal) => PeriodKind.ThisQuarter,
            _ => PeriodKind.ThisYear,
        };
    }

    private static SetWorkingHours Hours(Match match)
    {
        var spec = match.Groups["spec"].Success
            ? match.Groups["spec"].Value.Trim()
            : $"{match.Groups["from"].Value}-{match.Groups["to"].Value}";
        return new SetWorkingHours(HoursSpec.Tidy(spec));
    }

    private static ExplainProcess? HowProcessWorks(Match match, ParseContext context)
    {
        var what = ProcessNounPattern().Replace(match.Groups["what"].Value, " ").Trim();
        if (what.Length == 0)
        {
            return new ExplainProcess(null);
        }

        return ProcessWords.ModelId(context.Process, what) is { } model ? new ExplainProcess(model) : null;
    }

    // "enterprise" or "mid-market deals": the model the words name, else null (the whole process).
    private static string? ModelWord(Match match, ParseContext context)
    {
        foreach (var group in new[] { "model", "model2" })
        {
            var word = match.Groups[group].Value.Trim();
            if (word.Length > 0 && ProcessWords.ModelId(context.Process, word) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>
    /// A question about a stage. When the phrase names no stage of any model, the message may be about a deal
    /// ("tell me about contoso", "what should I do for contoso"), so it falls through to the deal rules, unless it
    /// says "stage" outright, which gets the list of real stages.
    /// </summary>
    private static ExplainStage? Stage(Match match, StageTopic topic, ParseContext context)
    {
        var stage = match.Groups["stage"].Value.Trim();
        if (stage.Length == 0 || Deal(stage) is "")
        {
            return null;
        }

        return ProcessWords.IsStage(context.Process, stage) || match.Value.Contains("stage", StringComparison.OrdinalIgnoreCase)
            ? new ExplainStage(stage, topic)
            : null;
    }

    // "what's the difference between qualify and discovery?": only when both name stages.
    private static CompareStages? CompareStages(Match match, ParseContext context)
    {
        var (first, second) = (match.Groups["a"].Value.Trim(), match.Groups["b"].Value.Trim());
        return ProcessWords.IsStage(context.Process, first) && ProcessWords.IsStage(context.Process, second) ? new CompareStages(first, second) : null;
    }

    private static ExplainTools Tools(Match match)
    {
        var kind = ToolNounPattern().Replace(match.Groups["kind"].Value.ToLowerInvariant(), string.Empty).Trim();
        return new ExplainTools(match.Groups["target"].Value.Trim(), kind.Length == 0 ? null : kind);
    }

    // "what is decision criteria", "whats MEDDICC": a term of the process's glossary, or an acronym.
    private static Define? DefineKnown(Match match, ParseContext context)
    {
        var term = match.Groups["term"].Value.Trim();
        var key = term.ToLowerInvariant();
        var known = context.Process.Glossary.Any(g => g.Term.Equals(key, StringComparison.OrdinalIgnoreCase) || g.Synonyms.Any(s => s.Equals(key, StringComparison.OrdinalIgnoreCase)))
            || ProcessWords.CustomerType(context.Process, term, saidAsCustomer: true) is not null
            || ProcessWords.IsStage(context.Process, term)
            || context.Process.FindModel(term) is not null
            || AcronymPattern().IsMatch(term);
        return known ? new Define(term) : null;
    }

    [GeneratedRegex(@"^(?:help\b(?!\s+me\s+(?:with|on|about)\b).*|\?|commands|menu|usage|.*\bwhat (?:else )?can you do\b.*|.*\bwhat (?:can|do|should) i (?:say|ask|type|write)\b.*|how do i use (?:this|you|the bot|this bot|sales coach)(?: bot| thing)?\??|what commands .*|(?:list|show)(?: me)? (?:the )?commands\??|what are (?:the|your) commands\??)$", Options)]
    private static partial Regex HelpPattern();

    [GeneratedRegex(@"^(?:hi|hello|hey|hiya|howdy|yo|heya|morning|good (?:morning|afternoon|evening)|start|get started|how is it going|how are you(?: doing)?|what is up|sup)(?:\s+(?:there|bot|coach|sales coach|all|team|everyone))?[!.? ]*$", Options)]
    private static partial Regex GreetPattern();

    // A new deal or a rename that says "undo" ("new deal Undo Labs", "rename contoso to undo") is that command, so the rules
    // can refuse the name with the reason instead of undoing the rep's last change.
    // "undo tailspin", "undo the last change to tailspin", "undo tailspin's last change"; "undo that", "undo it please" and
    // "undo again" are the newest change, whatever deal it was.
    [GeneratedRegex(@"^undo (?:the |my )?(?:last |latest )?(?:change|edit|update)s? (?:to|on|for|of) (?<deal>.+?)[.!]*$|^undo (?!(?:that|it|this|please|pls|plz|again|last|the|my|everything|all|once|one|twice|more)\b)(?<deal>.+?)(?:'s)?(?: (?:last |latest )?(?:change|edit|update))?[.!]*$", Options)]
    private static partial Regex UndoDealPattern();

    [GeneratedRegex(@"^(?!(?:how|what|why|when|where|who|is|does|new|add|create|rename|re-name|change (?:the )?name)\b).*\bundo\b.*$|^(?:take (?:that|it) back|revert(?: that| it| the last (?:change|thing|one))?|scratch that|roll (?:that|it) back)$", Options)]
    private static partial Regex UndoPattern();

    /// <summary>Whether a message would be read as "undo" wherever else it names: a deal name that does could never be named.</summary>
    public static bool ReadsAsUndo(string text) => UndoPattern().IsMatch(text);

    [GeneratedRegex(@"^(?:(?:set|change|update)\s+)?(?:my\s+)?(?:working |work |office )?hours(?:\s+are)?(?:\s+to)?\s*:?\s*(?<spec>\d.+)$|^(?:(?:set|change|update)\s+)?(?:my\s+)?working hours(?:\s+are)?(?:\s+to)?\s*:?\s*(?<spec>.+)$|^i (?:work|am working|usually work) (?:from\s+)?(?<spec>(?:[a-z]{3,9}\s*(?:-|–|to)\s*[a-z]{3,9}\s+)?\d.+)$|^(?:don't|do not|dont|never) (?:ping|message|remind|bother|disturb|notify) me before (?<from>\S+) (?:or|and) after (?<to>\S+)$", Options)]
    private static partial Regex HoursPattern();

    [GeneratedRegex(@"^(?:(?:set|change|update)\s+)?(?:my\s+)?(?:timezone|time zone|tz)(?:\s+is)?(?:\s+to)?\s*:?\s*(?<zone>\S+(?: time)?)$|^i am (?:in|on|using) (?:the\s+)?(?<zone>.+?)(?: time| time zone| timezone)?$|\buse (?<zone>[A-Za-z_]+/[A-Za-z_/]+)(?: time| time zone| timezone)?$", Options)]
    private static partial Regex TimeZonePattern();

    [GeneratedRegex(@"^(?:set\s+)?my (?:manager|boss|lead|team lead|line manager)(?:\s+is)?(?:\s+to)?\s*:?\s*(?<who>[^?]+)$|^i report to (?<who>[^?]+)$", Options)]
    private static partial Regex ManagerPattern();

    [GeneratedRegex(@"^(?:what is|what are) (?:an?) (?<term>[^?]+?)\??$", Options)]
    private static partial Regex DefineWithArticlePattern();

    [GeneratedRegex(@"^(?:show (?:me )?|list |any |anything |which (?:of my )?|what is |what are |are any (?:of )?)?(?:my |the |our |team |all )?(?:deals? |opps? )?(?:are |is )?(?:stalled|stuck|stale)(?: deals?| opps?)?(?: (?:on|in|for) (?:my|the) team)?\??$|^(?:show (?:me )?|list )?(?:my |the |our |team )?(?:stalled|stuck|stale|overdue) (?:deals|opps)(?: (?:on|in|for) (?:my|the) team)?\??$|^(?:is |are )?(?:anyone|anybody|someone|somebody|anything|any (?:of )?(?:my |the |our )?(?:reps|people|deals|opps))(?: (?:on|in|of) (?:my|the|our) team)?(?: (?:is|are|got|getting))? (?:stuck|stalled|stalling|stale)(?: (?:on|in) (?:my|the|our) team)?\??$|^(?:who|which reps?|which deals?)(?: (?:on|in) (?:my|the|our) team)? (?:is|are|got|has|have) (?:stuck|stalled)(?: deals?)?(?: (?:on|in) (?:my|the|our) team)?\??$", Options)]
    private static partial Regex StalledPattern();

    [GeneratedRegex(@"^(?:show (?:me )?|what is in |what's in |list )?(?:the |my )?team(?:'s)? pipe(?:line)?\??$|\b(?:my|the) team (?:have|got) in (?:the|their) pipe(?:line)?\b|\ball (?:of )?my reps'? (?:deals|pipelines?)\b|^(?:show (?:me )?)?(?:my|the) team's deals\??$", Options)]
    private static partial Regex TeamPipelinePattern();

    [GeneratedRegex(@"^(?!.*\?.+).*\bteam(?:'s)?\b.*\b(?:forecast|commit|going to close|gonna close|will close|closing|land)\b.*$|^.*\b(?:forecast|commit)\b.*\b(?:my|the) team\b.*$", Options)]
    private static partial Regex TeamForecastPattern();

    [GeneratedRegex(@"^(?:how is|how are|show (?:me )?|what is|what's)?\s*(?:my |the |our )?team(?:'s)?\b.*\b(?:doing|scorecard|win rate|stats|numbers|activity|behind|targets?|performance|performing|quota|results|tracking)\b.*$|^(?:who|which reps?) (?:on|in) (?:my|the) team\b.*$|^compare (?:my|the|our) (?:reps|team|people|sellers)\b.*$|^how (?:are|is) (?:my|the) (?:reps|people|sales team)\b.*$|^who (?:is|are) (?:behind|ahead|leading|lagging|struggling|on top|at the bottom)\b.*\bteam\b.*$", Options)]
    private static partial Regex TeamStatsPattern();

    [GeneratedRegex(@"^(?:what is |what's |show |show me |my |the |whats )*(?:my |the )?(?:forecast|commit|weighted pipe(?:line)?)\b(?! (?:for|on) (?!(?:this|next|last|the|Q[1-4])\b)).*$|^what (?:am i|will i|do i expect to|could i) (?:going to |gonna )?(?:close|land|bring in|book)\b.*$", Options)]
    private static partial Regex ForecastPattern();

    [GeneratedRegex(@"^(?:(?:my|the)\s+)?(?:deals|opps)\s+at[- ]risk\??$|^(?:what|which|any|show|list|are|my|anything)\b.*(?:\bat[- ]risk\b|\bslipping\b|\bmight not close\b|\bwon't close\b|\bin danger\b|\blikely to slip\b|\bworr(?:y|ied) about\b|\bconcerned about\b).*$", Options)]
    private static partial Regex AtRiskPattern();

    [GeneratedRegex(@"^(?:what|what is|which|anything|any|show(?: me)?|list)\b(?:(?!\b(?:for|on|with) (?!(?:this|next|today|tomorrow|the week)\b)).)*\b(?:due|overdue)\b(?:(?!\b(?:for|on|with) (?!(?:this|next|today|tomorrow|the week)\b)).)*$|^what is on my plate\b.*$|^(?:do i have|have i got|is there|are there) (?:anything|something|stuff|any tasks|any next steps|tasks|next steps) (?:due|overdue)\b.*$|^what do i (?:need|have) to do(?: (?:today|tomorrow|this week|next week))?\??$|^(?:my )?(?:to-?do|todo|tasks)(?: list)?(?: (?:today|this week))?\??$", Options)]
    private static partial Regex DuePattern();

    [GeneratedRegex(@"^(?!.*\b(?:team|reps)\b).*(?:\bwin rate\b|\bmy (?:stats|numbers|scorecard|results|activity|performance|quota|metrics|kpis)\b|^(?:show |show me |what is |what are )?my (?:stats|numbers|scorecard|results|metrics)\b|\bhow am i (?:doing|tracking|performing)\b|\bhow did i do\b|^(?:my )?(?:stats|numbers|results)\b|\bam i on track\b|\bquota\b|^how many (?:deals|calls|meetings|emails|demos|activities)\b.*\b(?:i|have i|did i)\b).*$", Options)]
    private static partial Regex StatsPattern();

    [GeneratedRegex(@"^how (?:is|has|are) (?<rep>[a-z][\w.'-]*(?: [a-z][\w.'-]*)?) (?:been )?(?:doing|tracking|performing|getting on)\b.*$|^(?:show (?:me )?)?(?<rep>[a-z][\w.-]*(?: [a-z][\w.-]*)?)'s (?:numbers|stats|scorecard|results|activity|performance)\??$|^what (?:has|did) (?<rep>[a-z][\w.-]*(?: [a-z][\w.-]*)?) (?:done|do|closed|logged|achieved)\b.*$|^is (?<rep>[a-z][\w.-]*(?: [a-z][\w.-]*)?) (?:hitting|on track|behind|meeting|making)\b.*$", Options)]
    private static partial Regex RepStatsPattern();

    // One word and nothing after it: "how is contoso looking", "how's woodgrove bank" and "how is the contoso deal" stay deal views.
    [GeneratedRegex(@"^how is (?<rep>[a-z][a-z'-]*)\??$", Options)]
    private static partial Regex BareHowIsPattern();

    [GeneratedRegex(@"^(?:i|me|my|we|us|our|ours|his|hers|its|yours|theirs|whose|this|the team|team|my team|my team's|my teams|it|they|this|that|you|everyone|everybody|everything|things|the deal|my reps|the reps|reps|my people|the sales team|all|all my|open|closed|lost|won|new|old|stalled|stuck)$", Options)]
    private static partial Regex NotARepPattern();

    [GeneratedRegex(@"\b(?:from|between)\s+(?<from>.+?)\s+(?:to|and|until|till|through|thru|-|–)\s+(?<to>[^?]+?)\??$|\b(?<from>[0-9]{1,2}\s+[a-z]{3,9}|[a-z]{3,9}\s+[0-9]{1,2}|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2})\s*[-–]\s*(?<to>[0-9]{1,2}\s+[a-z]{3,9}|[a-z]{3,9}\s+[0-9]{1,2}|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2})\??$", Options)]
    private static partial Regex DateRangePattern();

    [GeneratedRegex(@"\b(?:in|for|during|over)\s+(?<month>january|february|march|april|may|june|july|august|september|october|november|december|sept?)\b(?!\s+[0-9])", Options)]
    private static partial Regex InMonthPattern();

    [GeneratedRegex(@"\b(?:today|eod|tomorrow|(?:this|last|the) (?:week|month|year)|(?:this|next|last|the) quarter|end of (?:the )?(?:year|quarter)|eoy|ytd|year to date|q(?<q>[1-4]))\b", Options)]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^(?:(?:show|list|see|view|pull up|give me|open)(?: me)?\s+)?(?:all\s+)?(?:of\s+)?(?:my\s+)?(?:open\s+|active\s+|current\s+|live\s+)?(?:deals|pipeline|pipe|opportunities|opps)(?:\s+list)?\??$|^what is in my pipe(?:line)?\??$|^what is my pipe(?:line)? worth\??$|^what (?:deals|opps) (?:do|have) i (?:have|got)(?: open)?\??$|^how much (?:is|do i have|have i got) in my pipe(?:line)?\??$|^(?:show|list)(?: me)? everything i(?:'ve| have)? (?:got )?open\??$", Options)]
    private static partial Regex ListPattern();

    // "my deals page 2", "page 3 of my deals", "more deals": ASCII digits only, at most four (no overflow, no other scripts).
    [GeneratedRegex(@"^(?:(?:show|list|see)(?: me)?\s+)?(?:my\s+)?(?:open\s+)?(?:deals|pipeline)[,:]?\s+(?:page|p\.?|pg)\s*(?<page>[0-9]{1,4})\??$|^page\s+(?<page>[0-9]{1,4})\s+of\s+my\s+(?:deals|pipeline)\??$", Options)]
    private static partial Regex ListPagePattern();

    // The playbook: questions a new hire asks about the process.
    [GeneratedRegex(@"^(?:.*\b)?(?:walk|take|step|run|talk) me (?:through|thru|thro) (?:how we sell|how (?:our|the) (?:sales )?process works|(?:our |the |a )?(?:(?<model>[a-z][\w-]*) )??(?:sales |selling )?(?:process|stages|model|pipeline|sale|playbook))(?: one stage at a time| step by step| stage by stage)?\??$|^(?:give me a tour of|show me around|tour of|onboard me on|teach me) (?:our |the |a )?(?:(?<model>[a-z][\w-]*) )??(?:sales |selling )?(?:process|stages|model|pipeline|playbook)\??$|^(?:start the |take the |start a |take a |give me a |can i get a |i want a )?tour\??$", Options)]
    private static partial Regex TourPattern();

    [GeneratedRegex(@"^how (?:does|do) (?:our |the |a |an )?(?<what>[^?]*?) ?work(?: here| for us| at (?:this|our) company)?\??$", Options)]
    private static partial Regex HowProcessWorksPattern();

    [GeneratedRegex(@"\b(?:sales|selling|process|model|pipeline|sale|deals?|our|the)\b", Options)]
    private static partial Regex ProcessNounPattern();

    [GeneratedRegex(@"^(?:(?:explain|show(?: me)?|describe|what is|what are)\s+)?(?:our\s+|the\s+|my\s+)?(?:(?<model>[a-z][\w-]*)\s+)??(?:sales\s+process|process map|process|selling model|model|sales stages|stages)(?:\s+(?:for|with)\s+(?:the\s+|our\s+)?(?<model2>[\w-]+(?: [\w-]+)?)(?: deals?| customers?| accounts?| sales?)?)?\??$", Options)]
    private static partial Regex ExplainProcessPattern();

    [GeneratedRegex(@"^what (?:do|should|must|can|am|are) (?:i|we|you|reps?)(?: supposed to| meant to| expected to| need to)? do (?:at|in|during|for) (?:the\s+|a\s+)?(?<stage>[^?]+?)(?:\s+stage)?\??$|^what (?:do|should|must|can|am|are) (?:i|we|you|reps?)(?: supposed to| meant to| expected to| need to)? do (?:when|while|once) (?:a deal|the deal|deals|it|we|i|my deal) (?:is|are|am|gets?|goes|get) (?:in|at|into|to) (?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)?\??$|^what happens (?:at|in|during) (?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)?\??$|^(?:actions|steps|tasks|to-?dos?) (?:for|at|in) (?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)?\??$", Options)]
    private static partial Regex StageActionsPattern();

    [GeneratedRegex(@"^(?:what (?:are|is) (?:the\s+)?)?exit criteria (?:for|of|in) (?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)?\??$|^what (?:gets|moves|takes) a deal (?:out of|past|through|beyond) (?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)?\??$|^(?:when|how) (?:can|do|should) (?:i|we) (?:move|get|take) (?:a deal\s+)?(?:out of|past|beyond) (?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)?\??$|^(?:how do i|when can i) (?:leave|exit) (?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)?\??$|^what is (?:needed|required|necessary|it take|the bar) to (?:leave|exit|get out of|move (?:out of|past|on from)|finish) (?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)?\??$|^what does it take to (?:leave|exit|get out of|move (?:out of|past|on from)) (?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)?\??$", Options)]
    private static partial Regex ExitCriteriaPattern();

    [GeneratedRegex(@"^how long (?:is|does|should|will) (?:a deal in\s+)?(?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)? (?:(?:supposed|meant|expected|going) to |usually |normally |typically )?(?:take|last)\??$|^how long (?:should|can|does|may|do|is|are) (?:a deal|deals|it|an? opportunit(?:y|ies)|i|we)?\s*(?:stay|be|sit|spend|take|last|remain|have|get)?\s*(?:in|at|for)?\s*(?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)?(?:\s+(?:take|last))?\??$|^(?:allowed time|timing|time limit) (?:for|of|in) (?:the\s+)?(?<stage>[^?]+?)(?:\s+stage)?\??$", Options)]
    private static partial Regex TimingPattern();

    [GeneratedRegex(@"^what is (?:the )?(?:goal|objective|point|purpose|aim) (?:of|in) (?:the )?(?<stage>[^?]+?)(?: stage)?\??$|^(?:tell me about|explain|describe|what is) (?:the\s+)?(?<stage>[^?]+?) stage\??$|^(?:tell me about|explain|describe) (?:the\s+)?(?<stage>[^?]+?)\??$", Options)]
    private static partial Regex StageOverviewPattern();

    [GeneratedRegex(@"^(?:what|which|any)\s+(?<kind>tools?|collateral|materials?|content|decks?|presentations?|slides|demos?|direct mail|telesales|lead gen(?:eration)?(?: tools?)?)(?:\s+(?:do|should|can|to|is there|are there|would|could)(?:\s+(?:i|we|reps?))?(?:\s+(?:use|send|bring|show|have))?)?\s+(?:for|at|in|during|with|on)\s+(?:a\s+|an\s+|the\s+)?(?<target>[^?]+?)(?:\s+stage)?\??$|^(?<kind>tools|collateral) (?:for|at|in) (?:a\s+|an\s+|the\s+)?(?<target>[^?]+?)\??$", Options)]
    private static partial Regex ToolsPattern();

    [GeneratedRegex(@"^(?:what is |what are )?(?:the )?difference between (?:the\s+)?(?<a>[^?]+?) and (?:the\s+)?(?<b>[^?]+?)(?:\s+stages?)?\??$|^(?:how is|how does) (?:the\s+)?(?<a>[^?]+?) (?:differ from|different from) (?:the\s+)?(?<b>[^?]+?)(?:\s+stages?)?\??$|^(?<a>[a-z][\w -]*?) (?:vs\.?|versus) (?<b>[a-z][\w -]*?)\??$", Options)]
    private static partial Regex CompareStagesPattern();

    // Words of the process itself a new hire asks about: "what are exit criteria", "what customer types do we sell to".
    [GeneratedRegex(@"^what (?:are|is) (?:the\s+|our\s+)?(?<term>exit criteria|(?<types>customer types|types of customers?|kinds of customers?))\??$|^(?:what|which) (?<types>customer types|types of customers?|kinds of customers?|customers?) (?:do|does|can) (?:we|our company|the company|i) (?:sell to|have|serve|target|work with)\??$", Options)]
    private static partial Regex ProcessTermPattern();

    [GeneratedRegex(@"\s*\btools?\b", Options)]
    private static partial Regex ToolNounPattern();

    [GeneratedRegex(@"^(?:what does (?:an?\s+|the\s+)?(?<term>[^?]+?) mean|(?:define|definition of|meaning of|what counts as|what do (?:we|you) mean by|what is meant by) (?:an?\s+|the\s+)?(?<term>[^?]+?))\??$", Options)]
    private static partial Regex DefinePattern();

    [GeneratedRegex(@"^(?:what is|what are) (?:the\s+)?(?<term>[^?]+?)\??$", Options)]
    private static partial Regex DefineKnownTermPattern();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]{1,9}$")]
    private static partial Regex AcronymPattern();

    // Coaching on a deal, and showing one.
    [GeneratedRegex(@"^(?:what now|what next|what is next|now what|next steps?|what is the next step|what are the next steps|what should i do(?: next| now)?|what do i do(?: next| now)?|what can i do|how do i (?:move|advance|progress|close|win)|help me|any (?:advice|tips|ideas|suggestions)|advice|tips|ideas) (?:for|on|with|about) (?<deal>[^?]+?)\??$|^coach(?: me)?(?: on| about| for| with)? (?<deal>[^?]+?)\??$|^how (?:do|can|should) i (?:move|get|push|advance|take) (?<deal>[^?]+?) (?:forward|along|ahead|over the line|to the next stage)\??$|^what (?:do|should) i (?:need to )?(?:do )?(?:to )?(?:get|move|push) (?<deal>[^?]+?) (?:out of|past|through|to|into) [^?]+\??$|^i am stuck (?:on|with) (?<deal>[^,?]+?),? (?:what (?:should|do|can) i do|any (?:advice|ideas|tips)|help)\??$|^i need (?:help|advice|tips|ideas) (?:with|on|for) (?<deal>[^?]+?)\??$|^what is (?:blocking|holding up|stalling) (?<deal>[^?]+?)\??$|^why is (?<deal>[^?]+?) (?:stalled|stuck|slipping)\??$", Options)]
    private static partial Regex CoachPattern();

    [GeneratedRegex(@"^(?:what now|what next|what is next|now what|what should i do(?: next| now)?|what do i do now|(?:what is the )?next steps?\?)\??$", Options)]
    private static partial Regex CoachContextPattern();

    [GeneratedRegex(@"^(?:show|open|view|display|pull up|bring up|find|look up|get)(?: me)? (?<deal>[^?]+?)\??$|^(?:details|status|info|update|latest) (?:for|of|on) (?<deal>[^?]+?)\??$|^what is the (?:status|latest|story|update|deal|situation) (?:of|on|with|for) (?<deal>[^?]+?)\??$|^where (?:are we|am i|do we stand|is it|are things|do things stand) (?:with|on|at) (?<deal>[^?]+?)\??$|^how is (?<deal>[^?]+?)(?: looking| going| coming along| shaping up)?\??$|^tell me about (?<deal>[^?]+?)\??$|^what is (?:going on|happening|up|new) (?:with|at) (?<deal>[^?]+?)\??$|^(?<deal>[^?]+?) (?:details|status|info)\??$", Options)]
    private static partial Regex ShowPattern();

    [GeneratedRegex(@"^did (?<deal>[^?]+?) (?:sign|close|buy|reply|respond|come back|get back)(?: yet| already)?\?$|^is (?<deal>[^?]+?) still (?:in|at|open|alive|on track)\b[^?]*\?$|^when (?:does|will|is|do) (?<deal>[^?]+?) (?:close|closing|expected to close|due to close)\??$|^(?:what|which) stage is (?<deal>[^?]+?)(?: in| at)?\??$|^is (?<deal>[^?]+?) (?:stalled|stuck|at risk|on track)\??$", Options)]
    private static partial Regex DealQuestionPattern();

    // "Contoso Pharma?": a name on its own, asked about. Everyday words are not names.
    [GeneratedRegex(@"^(?!(?:lunch|coffee|drinks|beer|really|seriously|why|what|huh|ok|okay|sure|anyone|hello|hi|thanks|yes|no|now|today|tomorrow|dinner|meeting|anybody|somebody)\?$)(?<deal>[^?\s]+(?: [^?\s]+){0,3})\?$", Options)]
    private static partial Regex BareNamePattern();
}
