using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>Stage moves and "X is …" statements: where "move &lt;deal&gt; to …" or "&lt;deal&gt; is …" goes.</summary>
public static partial class CommandParser
{
    /// <summary>
    /// Tries each place the pattern's separator occurs in the match ("move &lt;deal&gt; to &lt;target&gt;") from the left, so a
    /// deal whose name holds the separator word ("Bed in a Box") still reads when the first split makes no sense.
    /// </summary>
    private static Command? Split(Match match, Regex separator, Func<string, string, Command?> build)
    {
        var all = match.Groups["all"].Value;
        foreach (Match at in separator.Matches(all))
        {
            // "adv works verbal yes from cfo, moving to negotiation": words before a comma are a clause of their own.
            if (at.Index > 0 && !all[..at.Index].Contains(',', StringComparison.Ordinal)
                && Deal(all[..at.Index]) is { } deal && build(deal, all[(at.Index + at.Length)..]) is { } command)
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
            var head = StripAll(TargetNoisePattern(), said.TrimEnd(',', ';').Trim('"', '\''));
            // After a dash the facts start past it: "initech to qualify - next step call cfo tmrw" keeps its next step.
            var tail = string.Join(' ', words[count..]).TrimStart('-', '–', '—', ' ');
            var facts = tail.Length > 0 && (remark || TailJoinPattern().IsMatch(tail)) && reader.TryRead(tail, allowStage: false, out var read) ? read : null;
            var fits = tail.Length == 0 || remark || facts is not null;
            var fields = facts ?? new SaidFields();

            // A remark after a comma is the rep's own ("…, the quote was premature"), but one that is partly facts
            // ("…, 36k, model wholesale") would lose the facts it holds: the move is refused whole, with the words not read.
            if (remark && facts is null && tail.Length > 0 && head.Length > 0 && ProcessWords.IsStage(context.Process, head) && SaysAFact(reader, tail))
            {
                return new NotUnderstood(deal + " " + target, ParseHint.Of(HintCode.UnreadableFacts, deal, head, tail));
            }

            if (head.Length > 0 && fits && TargetOf(deal, head, fields, confirmation, context) is { } command)
            {
                return command;
            }
        }

        return null;
    }

    // Whether any clause of a remark reads as a deal field on its own.
    private static bool SaysAFact(DealFieldReader reader, string remark) =>
        RemarkClausePattern().Split(remark).Any(clause => clause.Trim().Length > 0 && reader.TryRead(clause.Trim(), allowStage: false, out _));

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

        // "initech pushed to next qtr", "push contoso to end of q1": a date where a stage would be is the close date.
        if (tail.Count == 0 && DateExpressionParser.TryParseCloseDate(head, context.Dates, out var close))
        {
            return new SetCloseDate(deal, close);
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

    private static ExitConfirmation Confirmation(Match match)
    {
        var said = match.Groups["confirm"].Value.ToLowerInvariant();
        return said.Length == 0 ? ExitConfirmation.Ask
            : said.Contains("anyway", StringComparison.Ordinal) || said.Contains("regardless", StringComparison.Ordinal) ? ExitConfirmation.Anyway
            : ExitConfirmation.AllMet;
    }

    // "…, criteria met", "… - all exit criteria are met", "…, everything's confirmed", "… anyway".
    private const string Confirm = @"(?:\s*[,;\-–]?\s*(?<confirm>(?:all\s+)?(?:(?:the|my)\s+)?(?:exit\s+)?criteria\s+(?:are\s+|is\s+)?(?:all\s+)?(?:met|done|confirmed|ticked|checked)|everything(?:'s|\s+is)\s+(?:confirmed|met|done|ticked)|all\s+(?:met|confirmed|done|ticked)|confirmed|anyway|regardless))?";

    [GeneratedRegex(@"^(?:move|moving|moved|push|put)\s+(?:it\s+)?(?:back\s+)?(?:to|into)\s+(?<target>[^?]+?)" + Confirm + @"$", Options)]
    private static partial Regex MoveWithoutDealPattern();

    [GeneratedRegex(@"^" + Deal1 + @"\s*(?:->|→|=>|>)\s*(?<target>[^?]+?)" + Confirm + @"$", Options)]
    private static partial Regex ArrowPattern();

    [GeneratedRegex(@"^we are (?:now )?(?:in|at) (?:the\s+)?(?<target>[^?]+?)(?: stage)? (?:with|for|on) (?<deal>[^?]+?)" + Confirm + @"$|^we are (?:now )?(?<target>[a-z]+ing) (?:with|on) (?<deal>[^?]+?)" + Confirm + @"$", Options)]
    private static partial Regex WeAreInPattern();

    // "we moved contoso to qualify", "i've moved …": the rep saying what they did is the move.
    [GeneratedRegex(@"^(?:(?:we|i)(?:'ve|\s+have)?\s+)?(?:move|moved|moving|push|pushed|put|set|change|changed|switch|switched|bump|bumped|take|update)\s+(?<all>[^?]+?)" + Confirm + @"$", Options)]
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

    [GeneratedRegex(@"^(?:the\s+)|\s+(?:now|already|as of today|last week|yesterday|today|this week|this morning|earlier|asap)$|\s+stage$", Options)]
    private static partial Regex TargetNoisePattern();

    [GeneratedRegex(@"\s*(?:[,;]|\s[-–—]\s)\s*", Options)]
    private static partial Regex RemarkClausePattern();

    [GeneratedRegex(@"^(?:the\s+)?next (?:stage|step)$", Options)]
    private static partial Regex NextStagePattern();
}
