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

    // Before coaching, so "next step for contoso: send pricing" sets a step rather than asking for one.
    private static (Regex, Rule)[] NextStepRules() =>
    [
        (NextStepForPattern(), NextStep),
        (NextStepNamedPattern(), NextStep),
        (NextStepAfterPattern(), NextStep),
        (NextStepOnlyPattern(), NextStep),
    ];

    // Ordered from the most specific words to the most general: "rename …" and wins before "X is …",
    // and the catch-all list of fields last.
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
        (AdvancePattern(), Advance),
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
        (DealThenStagePattern(), DealThenStage),
        (FieldsPattern(), (m, c) => Fields(m.Groups["all"].Value, c, allowNoName: true)),
        (UnreadableAmountPattern(), (m, _) => Deal(m.Groups["deal"].Value) is { Length: > 0 }
            ? new NotUnderstood(m.Value, ParseHint.Of(HintCode.UnreadableAmount, m.Groups["amount"].Value.Trim()))
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
                return new NotUnderstood(match.Value, ParseHint.Of(HintCode.UnknownModel, match.Groups["model"].Value, known));
            }
        }

        var rest = (match.Groups["rest"].Value + match.Groups["tail"].Value).Trim(' ', ':', ',', '-');
        if (!new DealFieldReader(context).TrySplit(rest, allowStage: true, allowNoName: false, allowNoFields: true, out var name, out var fields))
        {
            return new NotUnderstood(match.Value, ParseHint.Of(HintCode.DealNameMissing));
        }

        // "new deal 45k" names no deal; "new deal 3M" is the company 3M, so only thousands or a currency count as an amount here.
        name = name.Trim(' ', ':', ',', '"', '\'', '-');

        // A name never swallows an amount or a close date: "Initech 30k enterprize closing march" read only in part is
        // refused with the words that did not read, rather than creating a deal called all of that.
        if (SwallowedFieldPattern().Match(name) is { Success: true, Index: > 0 } swallowed)
        {
            return new NotUnderstood(match.Value, ParseHint.Of(HintCode.UnreadableWords, name[..swallowed.Index].Trim(), name[swallowed.Index..].Trim()));
        }

        return name.Length == 0 || AmountOnlyPattern().IsMatch(name)
            ? new NotUnderstood(match.Value, ParseHint.Of(HintCode.DealNameMissing))
            : new CreateDeal(name, fields.Amount, modelId ?? fields.ModelId)
            {
                ExpectedClose = fields.Close,
                StagePhrase = fields.Stage,
                CustomerTypePhrase = fields.CustomerType,
                NextStepText = fields.StepText,
                NextStepDue = fields.StepDue,
            };
    }

    // "advance contoso": the next stage; "advance wingtip to qualify" names the stage, so it is a move there.
    private static Command? Advance(Match match, ParseContext context)
    {
        var said = match.Groups["deal"].Value;
        foreach (Match to in AdvanceToPattern().Matches(said))
        {
            if (to.Index > 0 && Deal(said[..to.Index]) is { } named
                && Target(named, said[(to.Index + to.Length)..], Confirmation(match), context) is { } move and (MoveDeal or CloseDeal or AdvanceDeal))
            {
                return move;
            }
        }

        return Deal(said) is { } deal ? new AdvanceDeal(deal, Confirmation(match)) : null;
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

        return DateExpressionParser.TryParseTrailing(text, context.Dates, out var due, out var rest) && rest.Length > 0
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
            : new NotUnderstood(match.Value, ParseHint.Of(HintCode.UnreadableShift, match.Groups["dur"].Value, deal));
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
            : new NotUnderstood(match.Value, ParseHint.Of(HintCode.UnknownModel, said, string.Join(", ", context.Process.Models.Select(m => m.Id))));
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
            : new NotUnderstood(match.Value, ParseHint.Of(HintCode.UnknownCustomerType, said, string.Join(", ", context.Process.CustomerTypes.Select(t => t.Name))));
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
        var date = DateExpressionParser.TryParseCloseDate(when, context.Dates, out var close)
            || DateExpressionParser.TryParseCloseDate(ConnectorPattern().Replace(when, string.Empty), context.Dates, out close);
        return date && Deal(match.Groups["deal"].Value) is { } deal ? new SetCloseDate(deal, close) : null;
    }

    // "fabrikam: 30k, closes march 3", "40k, closing dec 18", "update tailspin: amount $18,000, close date jan 31, next step …".
    private static Command? Fields(string text, ParseContext context, bool allowNoName)
    {
        if (!new DealFieldReader(context).TrySplit(text, allowStage: true, allowNoName, allowNoFields: false, out var name, out var fields))
        {
            return null;
        }

        // "bellows college: qualified": a stage said among the fields is a move, the rest coming along.
        var deal = name.Length == 0 ? DealPhrases.Context : Deal(name);
        return deal is null ? null
            : fields.Stage is { } stage ? new MoveDeal(deal, stage) { Also = (fields with { Stage = null }).ToDealFields() }
            : Single(deal, fields) ?? new UpdateDeal(deal, fields.ToDealFields());
    }

    // "northwind neg", "northwind negotiation": an existing deal's name, then one word that is a stage or the start of one
    // (a stage's name, synonym, or a prefix of 3+ letters that only one stage has). A new deal is never made so.
    private static MoveDeal? DealThenStage(Match match, ParseContext context)
    {
        var stage = match.Groups["stage"].Value;
        return ProcessWords.Stage(context.Process, stage) is { IsClosed: false } && Deal(match.Groups["deal"].Value) is { Length: > 0 } deal
            ? new MoveDeal(deal, stage)
            : null;
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

    private const string Deal1 = @"(?<deal>(?:(?!\s[-–]\s)[^?,;])+?)";

    [GeneratedRegex(@"^(?:new|add|create|log|open|start|enter|got|i have|we have|i've got|we've got|i got|we got)(?:\s+(?:a new|another|one more|a|an|new))?(?:\s+(?!(?:new|a|an|another)\b)(?<model>[a-z][\w-]*))?\s+(?:deal|opportunity|opp|one)\b(?:\s+(?:for|called|named|with|from))?\s*[:\-–—]?\s*(?<rest>[^?]+)$", Options)]
    private static partial Regex CreatePattern();

    [GeneratedRegex(@"\s(?:[$€£¥][0-9]|[0-9][0-9,.]*\s?(?:k|m|mm|bn|eur|usd|gbp)\b|(?:closing|closes)\b)", Options)]
    private static partial Regex SwallowedFieldPattern();

    [GeneratedRegex(@"^(?:for\s+)?(?:[$€£¥][0-9][0-9,.]*[kmb]?|[0-9][0-9,.]*k(?:\s*[a-z]{3})?)$", Options)]
    private static partial Regex AmountOnlyPattern();

    [GeneratedRegex(@"^(?<deal>[a-z][^?,:;]*?)\s+(?<stage>[a-z]{3,})$", Options)]
    private static partial Regex DealThenStagePattern();

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

    [GeneratedRegex(@"\s+(?:up\s+)?(?:to|into)\s+", Options)]
    private static partial Regex AdvanceToPattern();

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

    [GeneratedRegex(@"^(?:update|set|change)?\s*:?\s*(?<all>[^?]+)$", Options)]
    private static partial Regex FieldsPattern();

    // Only reached when the amount did not read: says what it could not read.
    [GeneratedRegex(@"^(?:set\s+|change\s+|update\s+)?(?<deal>[^?]+?)(?:'s)?\s+(?:amount|value|deal size)(?:\s+(?:is|to|=))?\s*:?\s*(?<amount>[^?]+)$", Options)]
    private static partial Regex UnreadableAmountPattern();
}
