using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>New deals, and facts about existing ones: next steps, fixes, wins and losses, stage moves, fields.</summary>
public static partial class CommandParser
{
    private static (Regex, Rule)[] CreateRules() =>
    [
        (CreatePattern(), Create),
        (AddAsNewDealPattern(), Create),
    ];

    // Ordered from the most specific words to the most general: "next step …" and "rename …" before "X is …",
    // and the catch-all list of fields last.
    // Before coaching, so "next step for contoso: send pricing" sets a step rather than asking for one.
    private static (Regex, Rule)[] NextStepRules() =>
    [
        (NextStepForPattern(), NextStep),
        (NextStepNamedPattern(), NextStep),
        (NextStepAfterPattern(), NextStep),
        (NextStepOnlyPattern(), NextStep),
    ];

    private static (Regex, Rule)[] FactRules() =>
    [
        (RenamePattern(), Rename),
        (DeletePattern(), (m, _) => Deal(m.Groups["deal"].Value) is { } deal ? new DeleteDeal(deal) : null),
        (ReopenPattern(), (m, _) => Deal(m.Groups["deal"].Value) is { } deal ? new ReopenDeal(deal) : null),
        (PushOutPattern(), (m, _) => Shift(m, sign: 1)),
        (SlippedPattern(), (m, _) => Shift(m, sign: 1)),
        (PullInPattern(), (m, _) => Shift(m, sign: -1)),
        (MarkPattern(), (m, c) => Close(m, won: m.Groups["outcome"].Value.Equals("won", StringComparison.OrdinalIgnoreCase), c)),
        (ItIsAWinPattern(), (_, _) => new CloseDeal(DealPhrases.Context, true, null)),
        (DoneDealPattern(), (m, c) => Close(m, won: true, c)),
        (WonFirstPattern(), (m, c) => Close(m, won: true, c)),
        (WonAfterPattern(), (m, c) => Close(m, won: true, c)),
        (LostFirstPattern(), (m, c) => Close(m, won: false, c)),
        (LostAfterPattern(), (m, c) => Close(m, won: false, c)),
        (WentWithPattern(), WentWith),
        (GaveUpPattern(), (m, c) => Close(m, won: false, c)),
        (AdvancePattern(), (m, _) => Deal(m.Groups["deal"].Value) is { } deal ? new AdvanceDeal(deal, Confirmation(m)) : null),
        (ReadyForNextStagePattern(), (m, _) => Deal(m.Groups["deal"].Value) is { } deal ? new AdvanceDeal(deal, Confirmation(m)) : null),
        (ModelForPattern(), ModelFor),
        (CustomerTypeForPattern(), CustomerTypeFor),
        (FieldForPattern(), FieldFor),
        (ExpectToClosePattern(), CloseBy),
        (WontCloseUntilPattern(), CloseBy),
        (MoveWithoutDealPattern(), (m, c) => Target(DealPhrases.Context, m.Groups["target"].Value, Confirmation(m), c)),
        (ArrowPattern(), (m, c) => Deal(m.Groups["deal"].Value) is { } deal ? Target(deal, m.Groups["target"].Value, Confirmation(m), c) : null),
        (WeAreInPattern(), (m, c) => Deal(m.Groups["deal"].Value) is { } deal ? Target(deal, m.Groups["target"].Value, Confirmation(m), c) : null),
        (StageOfPattern(), (m, c) => Deal(m.Groups["deal"].Value) is { } deal ? Target(deal, m.Groups["target"].Value, Confirmation(m), c) : null),
        (MoveVerbPattern(), (m, c) => Split(m, MoveSplitPattern(), (deal, rest) => Target(deal, rest, Confirmation(m), c))),
        (MovedPattern(), (m, c) => Split(m, MovedSplitPattern(), (deal, rest) => Target(deal, rest, Confirmation(m), c))),
        (MovedPattern(), (m, c) => Split(m, BareToSplitPattern(), (deal, rest) => Target(deal, rest, Confirmation(m), c) as MoveDeal)),
        (MakePattern(), (m, c) => Fields(m.Groups["all"].Value, c, allowNoName: false)),
        (IsPattern(), (m, c) => Split(m, IsSplitPattern(), (deal, rest) => Predicate(deal, rest, Confirmation(m), c))),
        (FieldsPattern(), (m, c) => Fields(m.Groups["all"].Value, c, allowNoName: true)),
        (UnreadableAmountPattern(), (m, _) => Deal(m.Groups["deal"].Value) is { Length: > 0 }
            ? new NotUnderstood(m.Value, $"I couldn't read '{m.Groups["amount"].Value.Trim()}' as an amount. Try '50k', '$50,000', '1.2m' or '50000 EUR'.")
            : null),
    ];

    private static Command? Create(Match match, ParseContext context)
    {
        string? modelId = null;
        if (match.Groups["model"].Success)
        {
            modelId = ProcessWords.ModelId(context.Process, match.Groups["model"].Value);
            if (modelId is null)
            {
                var known = string.Join(", ", context.Process.Models.Select(m => m.Id));
                return new NotUnderstood(match.Value, $"I don't know a '{match.Groups["model"].Value}' selling model. The models are: {known}.");
            }
        }

        var rest = (match.Groups["rest"].Value + match.Groups["tail"].Value).Trim(' ', ':', ',', '-');
        if (!new DealFieldReader(context).TrySplit(rest, allowStage: true, allowNoName: false, allowNoFields: true, out var name, out var fields))
        {
            return new NotUnderstood(match.Value, "Give the deal a name, for example: new deal Contoso Ltd 45k.");
        }

        name = name.Trim(' ', ':', ',', '"', '\'', '-');
        return name.Length == 0
            ? new NotUnderstood(match.Value, "Give the deal a name, for example: new deal Contoso Ltd 45k.")
            : new CreateDeal(name, fields.Amount, modelId ?? fields.ModelId)
            {
                ExpectedClose = fields.Close,
                StagePhrase = fields.Stage,
                CustomerTypePhrase = fields.CustomerType,
                NextStepText = fields.StepText,
                NextStepDue = fields.StepDue,
            };
    }

    private static SetNextStep? NextStep(Match match, ParseContext context)
    {
        // "contoso 50k closing q2 next step call cfo" has more than a next step: the field list reads it whole.
        if (match.Groups["deal"].Success
            && new DealFieldReader(context).TrySplit(match.Groups["deal"].Value, allowStage: false, allowNoName: false, allowNoFields: false, out _, out _))
        {
            return null;
        }

        var deal = match.Groups["deal"].Success ? Deal(match.Groups["deal"].Value) : DealPhrases.Context;
        var text = StepToPattern().Replace(match.Groups["text"].Value.Trim(), string.Empty).Trim(' ', '"');
        if (deal is null || text.Length == 0)
        {
            return null;
        }

        return DateExpressionParser.TryParseTrailing(text, context.Today, out var due, out var rest) && rest.Length > 0
            ? new SetNextStep(deal, rest.Trim(' ', '"', ','), due)
            : new SetNextStep(deal, text, null);
    }

    private static RenameDeal? Rename(Match match, ParseContext context)
    {
        var name = match.Groups["name"].Value.Trim(' ', '"', '\'');
        return Deal(match.Groups["deal"].Value) is { } deal && name.Length > 0 ? new RenameDeal(deal, name) : null;
    }

    private static Command? Shift(Match match, int sign)
    {
        if (Deal(match.Groups["deal"].Value) is not { } deal)
        {
            return null;
        }

        return Duration.TryRead(match.Groups["dur"].Value, out var days, out var months, out var hours) && hours == 0
            ? new ShiftCloseDate(deal, sign * days, sign * months)
            : new NotUnderstood(match.Value, $"I couldn't read '{match.Groups["dur"].Value}' as a shift. Try 'push {deal} out two weeks'.");
    }

    private static CloseDeal? Close(Match match, bool won, ParseContext context)
    {
        // "mark as lost": no deal named is the deal in context.
        if ((match.Groups["deal"].Success ? Deal(match.Groups["deal"].Value) : DealPhrases.Context) is not { } deal)
        {
            return null;
        }

        var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim(' ', ',', '.', ':', '-') : null;
        Money? amount = null;
        if (match.Groups["amount"].Success)
        {
            if (!MoneyParser.TryParse(match.Groups["amount"].Value.Trim(), out var money))
            {
                return null;
            }

            amount = money;
        }

        return new CloseDeal(deal, won, string.IsNullOrEmpty(reason) ? null : reason) { Amount = amount };
    }

    // "fabrikam went with someone else" is lost to someone else; "they went with us" is a win.
    private static CloseDeal? WentWith(Match match, ParseContext context)
    {
        var reason = match.Groups["reason"].Value.Trim();
        var won = UsPattern().IsMatch(reason);
        return Deal(match.Groups["deal"].Value) is { } deal ? new CloseDeal(deal, won, won ? null : reason) : null;
    }

    private static Command? ModelFor(Match match, ParseContext context)
    {
        var said = match.Groups["model"].Value.Trim();
        if (Deal(match.Groups["deal"].Value) is not { } deal)
        {
            return null;
        }

        return ProcessWords.ModelId(context.Process, said) is { } model
            ? new ChangeModel(deal, model)
            : new NotUnderstood(match.Value, $"I don't know a '{said}' selling model. The models are: {string.Join(", ", context.Process.Models.Select(m => m.Id))}.");
    }

    private static Command? CustomerTypeFor(Match match, ParseContext context)
    {
        var said = match.Groups["type"].Value.Trim();
        if (Deal(match.Groups["deal"].Value) is not { } deal)
        {
            return null;
        }

        return ProcessWords.CustomerType(context.Process, ArticlePattern().Replace(said, string.Empty), saidAsCustomer: true) is { } type
            ? new SetCustomerType(deal, type)
            : new NotUnderstood(match.Value, $"I don't know a '{said}' customer type. The types are: {string.Join(", ", context.Process.CustomerTypes.Select(t => t.Name))}.");
    }

    // "close date for northwind is dec 15", "change the amount on litware to €40k": the field, then the deal, then the value.
    private static Command? FieldFor(Match match, ParseContext context)
    {
        var field = match.Groups["field"].Value;
        var words = match.Groups["all"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var reader = new DealFieldReader(context);
        for (var split = 1; split < words.Length; split++)
        {
            if (Deal(string.Join(' ', words[..split])) is { } deal
                && reader.TryRead($"{field} {string.Join(' ', words[split..])}", allowStage: false, out var fields)
                && fields.Count == 1)
            {
                return Single(deal, fields);
            }
        }

        return null;
    }

    private static SetCloseDate? CloseBy(Match match, ParseContext context)
    {
        var when = match.Groups["when"].Value.Trim();
        var date = DateExpressionParser.TryParseCloseDate(when, context.Today, out var close)
            || DateExpressionParser.TryParseCloseDate(ConnectorPattern().Replace(when, string.Empty), context.Today, out close);
        return date && Deal(match.Groups["deal"].Value) is { } deal ? new SetCloseDate(deal, close) : null;
    }

    /// <summary>
    /// Tries each place the pattern's separator occurs in the match ("move &lt;deal&gt; to &lt;target&gt;") from the left, so a
    /// deal whose name holds the separator word ("Bed in a Box") still reads when the first split makes no sense.
    /// </summary>
    private static Command? Split(Match match, Regex separator, Func<string, string, Command?> build)
    {
        var all = match.Groups["all"].Value;
        foreach (Match at in separator.Matches(all))
        {
            if (at.Index > 0 && Deal(all[..at.Index]) is { } deal && build(deal, all[(at.Index + at.Length)..]) is { } command)
            {
                return command;
            }
        }

        return null;
    }

    /// <summary>
    /// Where "move &lt;deal&gt; to …" goes: a stage (a typo allowed), a closing stage (a win or loss), the next stage,
    /// a selling model, a customer type or an amount. Facts said after it ("…, 50k, closing dec 20") come along.
    /// </summary>
    private static Command? Target(string deal, string target, ExitConfirmation confirmation, ParseContext context)
    {
        // The target is the first few words; what follows must be more facts ("at 40k closing dec 31") or a remark after
        // a comma ("…, the quote was premature"). So "solution design" is tried as one stage, not "solution" + "design".
        var words = target.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var reader = new DealFieldReader(context);
        for (var count = 1; count <= Math.Min(6, words.Length); count++)
        {
            var said = string.Join(' ', words[..count]);
            var remark = said.EndsWith(',') || said.EndsWith(';') || (count < words.Length && words[count] is "-" or "–" or "—");
            var head = StripAll(TargetNoisePattern(), said.TrimEnd(',', ';'));
            var tail = string.Join(' ', words[count..]);
            var facts = tail.Length > 0 && (remark || TailJoinPattern().IsMatch(tail)) && reader.TryRead(tail, allowStage: false, out var read) ? read : null;
            var fits = tail.Length == 0 || remark || facts is not null;
            var fields = facts ?? new SaidFields();
            if (head.Length > 0 && fits && TargetOf(deal, head, fields, confirmation, context) is { } command)
            {
                return command;
            }
        }

        return null;
    }

    private static Command? TargetOf(string deal, string head, SaidFields tail, ExitConfirmation confirmation, ParseContext context)
    {
        if (NextStagePattern().IsMatch(head))
        {
            return new AdvanceDeal(deal, confirmation);
        }

        if (ProcessWords.Stage(context.Process, head) is { } stage)
        {
            if (stage.IsClosed)
            {
                return new CloseDeal(deal, stage.Outcome == Process.StageOutcome.Won, null);
            }

            return new MoveDeal(deal, head, confirmation) { Also = tail.Count == 0 ? DealFields.None : tail.ToDealFields() };
        }

        if (ProcessWords.ModelId(context.Process, head) is { } model)
        {
            return new ChangeModel(deal, model);
        }

        if (ProcessWords.CustomerType(context.Process, ArticlePattern().Replace(head, string.Empty), saidAsCustomer: true) is { } type)
        {
            return new SetCustomerType(deal, type);
        }

        return MoneyParser.TryParse(head, out var amount, out var plain) && (!plain || MoneyParser.LooksLikeAmount(amount))
            ? new SetAmount(deal, amount)
            : null;
    }

    // Removes the pattern's matches until none is left ("the quote stage now" → "quote").
    private static string StripAll(Regex pattern, string text)
    {
        string before;
        do
        {
            before = text;
            text = pattern.Replace(text, string.Empty).Trim();
        }
        while (text != before);

        return text;
    }

    // "contoso is in negotiation now", "fabrikam is enterprise", "tailspin is a small business", "contoso is 45k and closing …".
    private static Command? Predicate(string deal, string predicate, ExitConfirmation confirmation, ParseContext context)
    {
        var said = predicate.Trim();
        if (InStagePattern().Match(said) is { Success: true } inStage)
        {
            return Target(deal, inStage.Groups["target"].Value, confirmation, context);
        }

        var reader = new DealFieldReader(context);
        var first = FirstClausePattern().Match(said).Groups["first"].Value;
        foreach (var text in new[] { said, first })
        {
            if (reader.TryRead(text, allowStage: true, out var fields))
            {
                return fields.Stage is { } stage
                    ? new MoveDeal(deal, stage, confirmation) { Also = (fields with { Stage = null }).ToDealFields() }
                    : Single(deal, fields) ?? new UpdateDeal(deal, fields.ToDealFields());
            }
        }

        return null;
    }

    // "fabrikam: 30k, closes march 3", "40k, closing dec 18", "update tailspin: amount $18,000, close date jan 31, next step …".
    private static Command? Fields(string text, ParseContext context, bool allowNoName)
    {
        if (!new DealFieldReader(context).TrySplit(text, allowStage: false, allowNoName, allowNoFields: false, out var name, out var fields))
        {
            return null;
        }

        var deal = name.Length == 0 ? DealPhrases.Context : Deal(name);
        return deal is null ? null : Single(deal, fields) ?? new UpdateDeal(deal, fields.ToDealFields());
    }

    // One field said alone is its own command; several are an update.
    private static Command? Single(string deal, SaidFields fields)
    {
        if (fields.Count != 1)
        {
            return null;
        }

        return fields switch
        {
            { Amount: { } amount } => new SetAmount(deal, amount),
            { Close: { } close } => new SetCloseDate(deal, close),
            { ModelId: { } model } => new ChangeModel(deal, model),
            { CustomerType: { } type } => new SetCustomerType(deal, type),
            { StepText: { } step } => new SetNextStep(deal, step, fields.StepDue),
            { Stage: { } stage } => new MoveDeal(deal, stage),
            _ => null,
        };
    }

    private static ExitConfirmation Confirmation(Match match)
    {
        var said = match.Groups["confirm"].Value.ToLowerInvariant();
        return said.Length == 0 ? ExitConfirmation.Ask
            : said.Contains("anyway", StringComparison.Ordinal) || said.Contains("regardless", StringComparison.Ordinal) ? ExitConfirmation.Anyway
            : ExitConfirmation.AllMet;
    }

    // "…, criteria met", "… - all exit criteria are met", "…, everything's confirmed", "… anyway".
    private const string Confirm = @"(?:\s*[,;\-–]?\s*(?<confirm>(?:all\s+)?(?:(?:the|my)\s+)?(?:exit\s+)?criteria\s+(?:are\s+|is\s+)?(?:all\s+)?(?:met|done|confirmed|ticked|checked)|everything(?:'s|\s+is)\s+(?:confirmed|met|done|ticked)|all\s+(?:met|confirmed|done|ticked)|confirmed|anyway|regardless))?";

    private const string Deal1 = @"(?<deal>(?:(?!\s[-–]\s)[^?,;])+?)";

    [GeneratedRegex(@"^(?:new|add|create|log|open|start|enter|got|i have|we have|i've got|we've got|i got|we got)(?:\s+(?:a new|another|one more|a|an|new))?(?:\s+(?!(?:new|a|an|another)\b)(?<model>[a-z][\w-]*))?\s+(?:deal|opportunity|opp|one)\b(?:\s+(?:for|called|named|with|from))?\s*[:\-–—]?\s*(?<rest>[^?]+)$", Options)]
    private static partial Regex CreatePattern();

    [GeneratedRegex(@"^add (?<rest>[^?]+?) as an? (?:new )?(?:deal|opp|opportunity)(?<tail>[^?]*)$", Options)]
    private static partial Regex AddAsNewDealPattern();

    [GeneratedRegex(@"^(?:set |log |add |record |update )?(?:the |a )?next steps? (?:for|on|of|with) " + Deal1 + @"\s*(?::|-|–|\bis\b|\bto\b|\bwill be\b)\s*(?<text>[^?]+)$", Options)]
    private static partial Regex NextStepForPattern();

    [GeneratedRegex(@"^next steps? (?<deal>[^:\-–?,]+?)\s*(?::|-|–)\s*(?<text>[^?]+)$", Options)]
    private static partial Regex NextStepNamedPattern();

    [GeneratedRegex(@"^(?:for\s+)?" + Deal1 + @"(?:'s)?\s*:?,?\s+(?:the\s+)?next steps?\s*(?::|-|–|\bis\b|\bwill be\b)?\s*(?<text>[^?]+)$", Options)]
    private static partial Regex NextStepAfterPattern();

    [GeneratedRegex(@"^(?:the )?next steps?\s*(?::|-|–|\bis\b|\bwill be\b)\s*(?<text>[^?]+)$", Options)]
    private static partial Regex NextStepOnlyPattern();

    [GeneratedRegex(@"^(?:is\s+)?(?:to\s+)", Options)]
    private static partial Regex StepToPattern();

    [GeneratedRegex(@"^(?:rename|re-name)\s+(?<deal>[^?]+?)\s+(?:to|as|into)\s+(?<name>[^?]+)$|^change (?:the )?name of (?<deal>[^?]+?) to (?<name>[^?]+)$|^call (?<deal>it|this one|that one|this|that|the deal|this deal|that deal) (?<name>[^?]+?)(?: instead| from now on)?$|^(?<deal>[^?]+?) should be (?:called|named) (?<name>[^?]+)$", Options)]
    private static partial Regex RenamePattern();

    [GeneratedRegex(@"^(?:delete|remove|drop|trash|get rid of|bin|erase|scrap)\s+(?<deal>[^,.;?]+?)(?:\s+from (?:my |the )?(?:pipeline|pipe|list|deals|crm))?(?:\s*[,.;].*)?$", Options)]
    private static partial Regex DeletePattern();

    [GeneratedRegex(@"^(?:reopen|re-open|re open|unlose|un-lose|revive|resurrect)\s+(?<deal>[^,.;?]+?)(?:\s*[,.;].*)?$", Options)]
    private static partial Regex ReopenPattern();

    [GeneratedRegex(@"^(?:push|slip|delay|move|kick|bump|slide|shift)\s+(?<deal>[^?]+?)\s+(?:(?:out|back|later)\s+)?(?:by\s+)?(?<dur>" + Duration.Pattern + @")(?:\s+(?:out|back|later))?$", Options)]
    private static partial Regex PushOutPattern();

    [GeneratedRegex(@"^(?<deal>[^?]+?)\s+(?:slipped|slips|slid|has slipped|is slipping|got pushed(?: out| back)?|was pushed(?: out| back)?|is pushed(?: out| back)?|pushed(?: out| back)?|moved out|is delayed|got delayed|was delayed)\s+(?:by\s+)?(?<dur>" + Duration.Pattern + @")$", Options)]
    private static partial Regex SlippedPattern();

    [GeneratedRegex(@"^(?:pull|bring|move)\s+(?<deal>[^?]+?)\s+(?:in|forward|earlier|up)\s+(?:by\s+)?(?<dur>" + Duration.Pattern + @")$", Options)]
    private static partial Regex PullInPattern();

    [GeneratedRegex(@"^(?:mark|set|close|flag)(?:\s+(?<deal>it|this|that|this one|that one|the deal))?\s+(?:as\s+|to\s+)?(?:closed[\s-]?)?(?<outcome>won|lost|dead)(?:\s*(?:[:\-–,.]|\bbecause(?: of)?\b|\bdue to\b|\breason:?)\s*(?<reason>[^?]+))?$|^(?:mark|set|close|flag)\s+(?<deal>[^?]+?)\s+(?:as\s+|to\s+)?(?:closed[\s-]?)?(?<outcome>won|lost|dead)(?:\s*(?:[:\-–,.]|\bbecause(?: of)?\b|\bdue to\b|\breason:?)\s*(?<reason>[^?]+))?$", Options)]
    private static partial Regex MarkPattern();

    [GeneratedRegex(@"^(?:it is|that is|this is) a (?:win|done deal)$|^(?:we )?(?:got|have) (?:the )?(?:signature|signed contract|signed order form)$", Options)]
    private static partial Regex ItIsAWinPattern();

    [GeneratedRegex(@"^" + Deal1 + @" is (?:a )?done deal\b.*$", Options)]
    private static partial Regex DoneDealPattern();

    [GeneratedRegex(@"^(?:we\s+|i\s+)?(?:won|signed|closed|booked|landed|bagged)\s+" + Deal1 + @"(?:\s+(?:for|at|@)\s+(?<amount>(?:[^,?]|,(?=[0-9]{3}))+?))?(?:\s+(?:today|yesterday|this morning|this afternoon))?(?:\s*,(?![0-9]{3}).*)?$", Options)]
    private static partial Regex WonFirstPattern();

    [GeneratedRegex(@"^" + Deal1 + @"(?:\s*[:\-–])?\s+(?:is\s+|was\s+|has been\s+|have\s+|has\s+)?(?:closed[\s-]?)?(?:won+|signed|booked|closed won)(?:\s+(?:the\s+)?(?:contract|deal|order form|paperwork|po|agreement|sow))?(?:\s+(?:today|yesterday|this morning|at last))?(?:(?:\s+(?:at|for|@)\s+|\s*[-–,]\s*|\s+)(?<amount>(?:[^,?]|,(?=[0-9]{3}))+?))?(?:\s*,(?![0-9]{3}).*)?$", Options)]
    private static partial Regex WonAfterPattern();

    [GeneratedRegex(@"^(?:we\s+|i\s+)?(?:lost|closed[\s-]lost)(?:\s*:\s*|\s+)(?<deal>[^,.?;]+?)(?:\s+to\s+(?<reason>[^?]+)|\s*(?:[,:\-–.;]|\bbecause(?: of)?\b|\bdue to\b)\s*(?<reason>[^?]+))?$", Options)]
    private static partial Regex LostFirstPattern();

    [GeneratedRegex(@"^" + Deal1 + @"(?:\s*[:\-–])?\s+(?:is\s+|was\s+|has been\s+|got\s+|are\s+)?(?:closed[\s-]?)?(?:lost|dead)(?:\s+to\s+(?<reason>[^?]+)|\s*(?:[,:\-–.;]|\bbecause(?: of)?\b|\bdue to\b|\breason:?)\s*(?<reason>[^?]+))?$", Options)]
    private static partial Regex LostAfterPattern();

    [GeneratedRegex(@"^" + Deal1 + @" (?:went with|has gone with|is going with|are going with|chose|picked|selected|signed with|decided to go with|went for|opted for|bought from) (?<reason>[^?]+)$", Options)]
    private static partial Regex WentWithPattern();

    [GeneratedRegex(@"^(?:us|our\b.*|we)$", Options)]
    private static partial Regex UsPattern();

    [GeneratedRegex(@"^" + Deal1 + @" (?<reason>(?:decided (?:to do nothing|not to (?:buy|go ahead|proceed|move forward)|against (?:it|us|buying))|went dark|ghosted us|stopped (?:responding|replying)|pulled out|backed out|walked away|said no|passed on us|cancelled|canceled)[^?]*)$", Options)]
    private static partial Regex GaveUpPattern();

    [GeneratedRegex(@"^(?:advance|progress|promote)\s+(?<deal>[^?]+?)(?:\s+(?:forward|on|ahead|along|to the next stage|to next stage|a stage|one stage))?" + Confirm + @"$|^(?:move|push|bump|take|get)\s+(?<deal>[^?]+?)\s+(?:forward|on|ahead|along|up)(?:\s+(?:a|one) stage)?" + Confirm + @"$|^(?:move|push|bump|take|get)\s+(?<deal>[^?]+?)\s+(?:on\s+)?(?:to|into)\s+(?:the\s+)?next (?:stage|step)" + Confirm + @"$", Options)]
    private static partial Regex AdvancePattern();

    [GeneratedRegex(@"^" + Deal1 + @"\s+(?:is|are)\s+ready (?:for|to (?:move|go)(?: on)?(?: to)?)\s+(?:the\s+)?next stage" + Confirm + @"$", Options)]
    private static partial Regex ReadyForNextStagePattern();

    [GeneratedRegex(@"^(?:set|change|update|switch)\s+(?:the\s+)?(?:selling\s+|sales\s+)?(?:model|process)\s+(?:for|on|of)\s+(?<deal>[^?]+?)\s+(?:to|=|:)\s+(?<model>[^?]+)$", Options)]
    private static partial Regex ModelForPattern();

    [GeneratedRegex(@"^(?:set|change|update)\s+(?:the\s+)?customer\s+type\s+(?:for|on|of)\s+(?<deal>[^?]+?)\s+(?:to|=|:)\s+(?<type>[^?]+)$", Options)]
    private static partial Regex CustomerTypeForPattern();

    [GeneratedRegex(@"^(?:set\s+|change\s+|update\s+)?(?:the\s+)?(?<field>expected close(?: date)?|close date|close|amount|value|deal size|size)\s+(?:for|on|of)\s+(?<all>[^?]+)$", Options)]
    private static partial Regex FieldForPattern();

    [GeneratedRegex(@"^we (?:expect|hope|plan|want|are going|should be able) to close (?<deal>[^?]+?) (?<when>(?:by|on|in|before|around|at)\s+[^?]+|end of [^?]+|next [^?]+|q[1-4])$", Options)]
    private static partial Regex ExpectToClosePattern();

    [GeneratedRegex(@"^(?<deal>[^?]+?) (?:won't|will not|wont|isn't going to|is not going to|can't|cannot) close (?:until|till|til|before) (?<when>[^?]+)$", Options)]
    private static partial Regex WontCloseUntilPattern();

    [GeneratedRegex(@"^(?:by|on|in|before|around|at|until|till)\s+(?:the\s+)?", Options)]
    private static partial Regex ConnectorPattern();

    [GeneratedRegex(@"^(?:move|push|put)\s+(?:it\s+)?(?:back\s+)?(?:to|into)\s+(?<target>[^?]+?)" + Confirm + @"$", Options)]
    private static partial Regex MoveWithoutDealPattern();

    [GeneratedRegex(@"^" + Deal1 + @"\s*(?:->|→|=>|>)\s*(?<target>[^?]+?)" + Confirm + @"$", Options)]
    private static partial Regex ArrowPattern();

    [GeneratedRegex(@"^we are (?:now )?(?:in|at) (?:the\s+)?(?<target>[^?]+?)(?: stage)? (?:with|for|on) (?<deal>[^?]+?)" + Confirm + @"$|^we are (?:now )?(?<target>[a-z]+ing) (?:with|on) (?<deal>[^?]+?)" + Confirm + @"$", Options)]
    private static partial Regex WeAreInPattern();

    [GeneratedRegex(@"^(?:move|moved|moving|push|pushed|put|set|change|changed|switch|switched|bump|bumped|take|update)\s+(?<all>[^?]+?)" + Confirm + @"$", Options)]
    private static partial Regex MoveVerbPattern();

    [GeneratedRegex(@"\s+(?:back\s+|forward\s+|over\s+)?(?:to|into|in|on|onto|at)\s+", Options)]
    private static partial Regex MoveSplitPattern();

    [GeneratedRegex(@"^(?<all>[^?]+?)" + Confirm + @"$", Options)]
    private static partial Regex MovedPattern();

    [GeneratedRegex(@"\s+(?:has\s+|have\s+|was\s+|got\s+|is\s+)?(?:moved|moves|moving|went|gone|advanced|progressed|pushed|is going)\s+(?:back\s+|forward\s+)?(?:in|into|to|onto)\s+", Options)]
    private static partial Regex MovedSplitPattern();

    // "contoso to proposal": a stage only, nothing else, after a bare "to".
    [GeneratedRegex(@"\s+to\s+", Options)]
    private static partial Regex BareToSplitPattern();

    [GeneratedRegex(@"^(?:set|change|update|move)\s+(?:the\s+)?stage\s+(?:of|for|on)\s+(?<deal>[^?]+?)\s+to\s+(?<target>[^?]+?)" + Confirm + @"$", Options)]
    private static partial Regex StageOfPattern();

    [GeneratedRegex(@"^make\s+(?<all>[^?]+)$", Options)]
    private static partial Regex MakePattern();

    [GeneratedRegex(@"^(?<all>[^?]+?)" + Confirm + @"$", Options)]
    private static partial Regex IsPattern();

    [GeneratedRegex(@"\s+(?:is now|are now|is|are|should be|has to be|needs to be|must be|will be)\s+", Options)]
    private static partial Regex IsSplitPattern();

    [GeneratedRegex(@"^(?:now\s+)?(?:in|at|into)\s+(?<target>.+)$", Options)]
    private static partial Regex InStagePattern();

    [GeneratedRegex(@"^(?<first>(?:[^,;]|,(?=[0-9]{3}))+)", Options)]
    private static partial Regex FirstClausePattern();

    // Facts after a stage are joined by a word or a separator: "and the amount went up to 95k", "at 40k", "now, 50k".
    [GeneratedRegex(@"^(?:[,;\-–]|(?:and|at|now|closing|closes|close|with|for|next|amount|worth|value)\b)", Options)]
    private static partial Regex TailJoinPattern();

    [GeneratedRegex(@"^(?:the\s+)|\s+(?:now|already|as of today|last week|yesterday|today|this week|this morning|earlier)$|\s+stage$", Options)]
    private static partial Regex TargetNoisePattern();

    [GeneratedRegex(@"^(?:the\s+)?next (?:stage|step)$", Options)]
    private static partial Regex NextStagePattern();

    [GeneratedRegex(@"^(?:update|set|change)?\s*:?\s*(?<all>[^?]+)$", Options)]
    private static partial Regex FieldsPattern();

    // Only reached when the amount did not read: says what it could not read.
    [GeneratedRegex(@"^(?:set\s+|change\s+|update\s+)?(?<deal>[^?]+?)(?:'s)?\s+(?:amount|value|deal size)(?:\s+(?:is|to|=))?\s*:?\s*(?<amount>[^?]+)$", Options)]
    private static partial Regex UnreadableAmountPattern();
}
