using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>
/// Turns a rep's chat message into a <see cref="Command"/>. Pure: the same text and context always give the same command.
/// </summary>
/// <remarks>
/// A message is first tidied (<see cref="Normalise"/>: typing slips in command words, "please", "can you", "just"), then
/// tried against ordered rule tables, one readable pattern per rule; the first rule that builds a command wins:
/// <list type="number">
/// <item><description>conversation and settings (help, greetings, undo, hours, time zone, manager);</description></item>
/// <item><description>questions and views (forecast, results, due, team, pipeline, stalled), never deal changes;</description></item>
/// <item><description>the playbook (process, stages, tools, terms, tour), coaching and showing a deal;</description></item>
/// <item><description>creating a deal, activities done, reminders and snoozes;</description></item>
/// <item><description>facts about existing deals (next step, rename, delete, reopen, shifts, wins and losses, stage moves,
/// model and customer type, amounts and dates).</description></item>
/// </list>
/// A question mark stays in the text, so the fact rules (anchored at the end without one) never turn a question into a
/// change. "It", "that deal", "this one", "they" or no deal at all give <see cref="DealPhrases.Context"/>.
/// </remarks>
public static partial class CommandParser
{
    public const int MaxMessageLength = 2000;

    private delegate Command? Rule(Match match, ParseContext context);

    private static readonly (Regex Pattern, Rule Build)[] _rules =
    [
        .. ConversationRules(),
        .. SettingsRules(),
        .. WeeklySummaryRules(),
        .. ExportRules(),
        .. TeamTargetRules(),
        .. InsightRules(),
        .. ViewRules(),
        .. PlaybookRules(),
        .. NextStepRules(),
        .. CoachAndShowRules(),
        .. CreateRules(),
        .. ActivityRules(),
        .. ReminderRules(),
        .. FactRules(),
    ];

    public static Command Parse(string? text, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tidy = Tidy(text);
        if (tidy.Length == 0)
        {
            return new NotUnderstood(string.Empty, null);
        }

        if (tidy.Length > MaxMessageLength)
        {
            return new NotUnderstood(tidy[..80] + "…", ParseHint.Of(HintCode.MessageTooLong, tidy.Length.ToString(CultureInfo.InvariantCulture), MaxMessageLength.ToString(CultureInfo.InvariantCulture)));
        }

        var said = Normalise(tidy);
        var parsed = ParseSentence(said, context, allowClauses: true);
        return RefuseBadCloseDate(said, parsed, context) ?? parsed ?? new NotUnderstood(tidy, Hint(said, context));
    }

    private static Command? ParseSentence(string text, ParseContext context, bool allowClauses)
    {
        if (text.Length == 0)
        {
            return null;
        }

        foreach (var (pattern, build) in _rules)
        {
            var match = pattern.Match(text);
            if (match.Success && build(match, context) is { } command)
            {
                return command;
            }
        }

        return allowClauses ? ParseClauses(text, context) : null;
    }

    /// <summary>
    /// "fabrikam isn't actually lost, reopen it", "got the PO from woodgrove bank, it's a win": the command is in the last
    /// clause and "it" is the deal named in the first. Failing that, the first clause may be the command and the rest a remark.
    /// </summary>
    private static Command? ParseClauses(string text, ParseContext context)
    {
        var split = ClauseSplitPattern().Match(text);
        if (!split.Success)
        {
            return null;
        }

        var lead = split.Groups["lead"].Value;
        var rest = ParseSentence(Normalise(split.Groups["rest"].Value), context, allowClauses: false);
        if (rest is not null && DealOf(rest) is { } phrase && DealPhrases.IsContext(phrase)
            && LeadDealPattern().Match(lead) is { Success: true } named && Deal(named.Groups["deal"].Value) is { Length: > 0 } deal)
        {
            return WithDeal(rest, deal);
        }

        // A short lead ("damn, lost contoso") is a remark; a longer one that reads as nothing may name another deal.
        return ParseSentence(lead, context, allowClauses: false) is { } first && first is not (ShowHelp or Greet)
            ? first
            : rest is not null && (DealOf(rest) is null || lead.Split(' ').Length <= 2) ? rest : null;
    }

    // Emoji and emoticons at the end ("we won contoso 🎉", "lost contoso :(") say how the rep feels, not what happened.
    private static string Tidy(string? text)
    {
        var tidy = WhitespacePattern().Replace((text ?? string.Empty).Replace('’', '\'').Replace('‘', '\''), " ").Trim();
        string before;
        do
        {
            before = tidy;
            tidy = TrailingFeelingPattern().Replace(tidy, string.Empty).Trim().TrimEnd('.', '!', ' ');
        }
        while (tidy != before);

        return tidy;
    }

    /// <summary>
    /// Tidies what people type so the rules can stay simple: typing slips in the first command words ("mvoe", "advnace",
    /// "nwe deal"), "please"/"can you"/"just", a leading "oops,"/"boom,", a number split from its "k", and contractions
    /// at the start ("it's" → "it is", "whats" → "what is"). Names and notes keep the user's own words.
    /// </summary>
    private static string Normalise(string text)
    {
        var words = text.Split(' ');
        for (var i = 0; i < Math.Min(2, words.Length); i++)
        {
            words[i] = CommandWords.Correct(words[i], position: i);
        }

        var said = string.Join(' ', words);
        said = QuestionMarkPattern().Replace(said, "?");
        string before;
        do
        {
            before = said;
            said = LeadingNoisePattern().Replace(said, string.Empty);
        }
        while (said != before && said.Length > 0);

        said = said.Length == 0 ? before : said;
        var withoutFillers = FillerWordPattern().Replace(said, " ");
        said = WhitespacePattern().Replace(withoutFillers, " ").Trim(' ', ',');
        said = ClausePolitenessPattern().Replace(said, "$1");
        said = NumberWords.InDigits(said);
        said = SplitMultiplierPattern().Replace(said, "$1$2");
        said = WithPattern().Replace(said, "with ");
        return StartingContraction(said);
    }

    private static string StartingContraction(string text)
    {
        var match = ContractionPattern().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var expanded = match.Groups["word"].Value.ToLowerInvariant() switch
        {
            "it's" or "its" => "it is",
            "that's" or "thats" => "that is",
            "what's" or "whats" or "wats" => "what is",
            "how's" or "hows" => "how is",
            "where's" or "wheres" => "where is",
            "who's" or "whos" => "who is",
            "when's" or "whens" => "when is",
            "they're" or "theyre" => "they are",
            "we're" => "we are",
            "i'm" or "im" => "i am",
            "this one's" => "this one is",
            "that one's" => "that one is",
            "there's" => "there is",
            _ => match.Groups["word"].Value,
        };

        return expanded + text[match.Length..];
    }

    /// <summary>
    /// The deal a phrase names: "" for "it"/"that deal"/"this one"/"they", the name without "the … deal" or a possessive,
    /// or null when the phrase is not a deal at all ("my badge", "the printer", "how many deals").
    /// </summary>
    private static string? Deal(string raw)
    {
        var phrase = raw.Trim(' ', ',', ':', ';', '"', '\'', '-', '–', '>');

        // "emailed IT about my laptop": IT in capitals is the department, not "it".
        if (phrase == "IT")
        {
            return null;
        }

        if (ContextPattern().IsMatch(phrase))
        {
            return DealPhrases.Context;
        }

        var hadNoun = DealNounPattern().IsMatch(phrase);
        var cleaned = phrase;
        string previous;
        do
        {
            previous = cleaned;
            cleaned = DealNoisePattern().Replace(cleaned, string.Empty).Trim(' ', ',', ':', '"', '\'');
        }
        while (cleaned != previous);

        if (ContextPattern().IsMatch(cleaned) && hadNoun)
        {
            return DealPhrases.Context;
        }

        var startsWithThe = phrase.StartsWith("the ", StringComparison.OrdinalIgnoreCase);
        return cleaned.Length == 0
            || NotADealPattern().IsMatch(cleaned)
            || (phrase.StartsWith("my ", StringComparison.OrdinalIgnoreCase) && !hadNoun)
            || (startsWithThe && !hadNoun)
            || cleaned.Split(' ').Length > 6
            ? null
            : cleaned;
    }

    private static string? DealOf(Command command) => command switch
    {
        ShowDeal c => c.DealPhrase,
        MoveDeal c => c.DealPhrase,
        AdvanceDeal c => c.DealPhrase,
        CoachDeal c => c.DealPhrase,
        SetNextStep c => c.DealPhrase,
        SetAmount c => c.DealPhrase,
        SetCloseDate c => c.DealPhrase,
        CloseDeal c => c.DealPhrase,
        ReopenDeal c => c.DealPhrase,
        RenameDeal c => c.DealPhrase,
        DeleteDeal c => c.DealPhrase,
        ChangeModel c => c.DealPhrase,
        SetCustomerType c => c.DealPhrase,
        ShiftCloseDate c => c.DealPhrase,
        UpdateDeal c => c.DealPhrase,
        LogActivity c => c.DealPhrase,
        RemindMe c => c.DealPhrase,
        SnoozeDeal c => c.DealPhrase,
        LiftSnooze c => c.DealPhrase,
        _ => null,
    };

    private static Command WithDeal(Command command, string deal) => command switch
    {
        ShowDeal c => c with { DealPhrase = deal },
        MoveDeal c => c with { DealPhrase = deal },
        AdvanceDeal c => c with { DealPhrase = deal },
        CoachDeal c => c with { DealPhrase = deal },
        SetNextStep c => c with { DealPhrase = deal },
        SetAmount c => c with { DealPhrase = deal },
        SetCloseDate c => c with { DealPhrase = deal },
        CloseDeal c => c with { DealPhrase = deal },
        ReopenDeal c => c with { DealPhrase = deal },
        RenameDeal c => c with { DealPhrase = deal },
        DeleteDeal c => c with { DealPhrase = deal },
        ChangeModel c => c with { DealPhrase = deal },
        SetCustomerType c => c with { DealPhrase = deal },
        ShiftCloseDate c => c with { DealPhrase = deal },
        UpdateDeal c => c with { DealPhrase = deal },
        LogActivity c => c with { DealPhrase = deal },
        RemindMe c => c with { DealPhrase = deal },
        SnoozeDeal c => c with { DealPhrase = deal },
        LiftSnooze c => c with { DealPhrase = deal },
        _ => command,
    };

    /// <summary>What to say when nothing matched: the nearest command, when the first word says which one was meant.</summary>
    private static ParseHint? Hint(string text, ParseContext context)
    {
        var first = text.Split(' ')[0].ToLowerInvariant();
        var stages = string.Join(", ", context.Process.DefaultModel.OpenStages.Select(s => s.Name));
        return first switch
        {
            "move" or "moved" or "put" or "push" => ParseHint.Of(HintCode.HowToMove, stages),
            "new" or "add" or "create" => ParseHint.Of(HintCode.HowToCreate),
            "snooze" or "mute" => ParseHint.Of(HintCode.HowToSnooze),
            "remind" => ParseHint.Of(HintCode.HowToRemind),
            "rename" => ParseHint.Of(HintCode.HowToRename),
            "delete" or "remove" => ParseHint.Of(HintCode.HowToDelete),
            "called" or "emailed" or "met" or "log" => ParseHint.Of(HintCode.HowToLogActivity),
            "next" => ParseHint.Of(HintCode.HowToSetNextStep),
            _ => null,
        };
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"\s*(?:[:;]-?[()DPp/|\\]|<3|\p{So}|\p{Cs}|\p{Sk}|\uFE0F|\u200D)+$")]
    private static partial Regex TrailingFeelingPattern();

    [GeneratedRegex(@"\s*\?+")]
    private static partial Regex QuestionMarkPattern();

    // Said before the message itself: "oops, undo", "boom, lamna just signed", "can you rename …", "pls remove …".
    [GeneratedRegex(@"^(?:(?:oops|boom|woohoo|woo hoo|yay|wow|nice|great news|good news|fyi|btw|quick update|update|heads up|ok so|okay so|so|hey coach|hey|hi|hello)\s*[,!:.\-]+\s*|(?:oops|boom|woohoo|woo hoo|yay|yess*|whoop|whoops)\s+|(?:please|pls|plz|kindly|can you|could you|can u|could u|would you|will you|can i get you to)\s+|ok\s+(?=\w+\s+\w))", Options)]
    private static partial Regex LeadingNoisePattern();

    // Words that change nothing: "lamna just signed", "isn't actually lost", "a really good call", "… please".
    [GeneratedRegex(@"(?<=^|\s)(?:just|actually|really|finally|officially|please|pls|plz)(?=$|[\s,!.])", Options)]
    private static partial Regex FillerWordPattern();

    // "tailspin came back to us, can you reopen the deal".
    [GeneratedRegex(@"(^|[,;]\s*)(?:can|could|would|will) (?:you|u)\s+", Options)]
    private static partial Regex ClausePolitenessPattern();

    [GeneratedRegex(@"\b([0-9][0-9.,]*) (k|m|mm|bn)\b", Options)]
    private static partial Regex SplitMultiplierPattern();

    [GeneratedRegex(@"\bw/\s*", Options)]
    private static partial Regex WithPattern();

    [GeneratedRegex(@"^(?<word>this one's|that one's|it's|its|that's|thats|what's|whats|wats|how's|hows|where's|wheres|who's|whos|when's|whens|they're|theyre|we're|i'm|im|there's)(?=\s|$)", Options)]
    private static partial Regex ContractionPattern();

    [GeneratedRegex(@"^(?<lead>[^,]+?)\s*(?:,|;|\.\s)\s*(?<rest>.+)$", Options)]
    private static partial Regex ClauseSplitPattern();

    // Who "it" is in "fabrikam isn't lost, reopen it" or "kicked off the pilot with woodgrove bank, move them to …".
    [GeneratedRegex(@"\b(?:with|from|at)\s+(?<deal>[^,]+)$|^(?<deal>[^,]+?)\s+(?:is|isn't|is not|was|wasn't|came|come|has|have|had|wants|want|needs|said|says|got|went|replied|signed|called|verbal|gave|agreed|accepted|confirmed|approved)\b", Options)]
    private static partial Regex LeadDealPattern();

    [GeneratedRegex(@"^(?:it|it is|its|this|that|this one|that one|this one is|that one is|this deal|that deal|the deal|this opp|that opp|the opp|them|they|they are|their deal|same deal|same one)$", Options)]
    private static partial Regex ContextPattern();

    [GeneratedRegex(@"\s(?:deal|opp|opportunity|account|team|close date|close|amount|value|deal size|reminders?)$", Options)]
    private static partial Regex DealNounPattern();

    // "the Contoso deal", "my deal Contoso", "deal: Contoso", "litware's", "the woodgrove bank team" all mean the name.
    [GeneratedRegex(@"^(?:the|our|my)\s+|^(?:deal|opportunity|opp)\s*[:\-]?\s+|\s+(?:deal|opportunity|opp|account|team)$|'s$|\s+(?:close date|close|reminders?|amount|value|size|stage)$", Options)]
    private static partial Regex DealNoisePattern();

    // Phrases that are never a deal: pronouns and question words up front, everyday things, numbers alone.
    [GeneratedRegex(@"^(?:i|i'm|i am|me|we|we're|us|you|your|he|she|his|her|they|them|their|my|what|who|how|why|when|where|which|is|are|do|does|did|can|could|would|should|will|please|not|no|in|on|at|to|for|with|from|about|by|off|out|up|a|an|all|any|anyone|anybody|anything|some|someone|somebody|something|every|everyone|everybody|everything|nobody|nothing|deals?|pipeline)\b|\b(?:not|never|almost|nearly|hardly|isn't|wasn't|aren't|n't|is|are|was|were|has|have)\b|\?|^[0-9.,]+$|^(?:move|moved|moving|push|put|set|change|switch|mark|update|advance|bump|add|create|delete|remove|rename|reopen|snooze|mute|pause|silence|stop|hold|remind|ping|nudge|log|show|tell|give|make|pull|get|take|won|lost|signed|as)\b|\b(?:until|till)\b|\b(?:and|then)\s+(?:push|move|set|change|update|mark|close|delete|add|log|remind|snooze|bump|pull)\b|\s[-–—]\s|->|→|=>|\s(?:won|lost|signed|closed)$|^(?:the|amount|value|size|deal size|close date|close|expected close|next step|stage|model|customer type|reminders?|account|deal|opp|opportunity|team|reps?)$|^(?:weather|printer|laptop|badge|keys?|wifi|wi-fi|coffee|lunch|password|game|meeting|standup|stand-up|channel|flight|pizza|email|team|office|parking|joke|holiday|uber|raffle|calendar|boss|manager|kid|car|phone|door|machine|cfo|ceo|cto|cio|coo|vp|champion|buyer|procurement|legal)$", Options)]
    private static partial Regex NotADealPattern();
}
