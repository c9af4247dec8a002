using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>The fields of a deal said in one run of words ("40k in discovery closing end of quarter, next step demo friday").</summary>
internal sealed record SaidFields(
    Money? Amount = null,
    DateOnly? Close = null,
    string? ModelId = null,
    string? CustomerType = null,
    string? Stage = null,
    string? StepText = null,
    DateOnly? StepDue = null)
{
    public int Count =>
        (Amount is null ? 0 : 1) + (Close is null ? 0 : 1) + (ModelId is null ? 0 : 1) + (CustomerType is null ? 0 : 1)
        + (Stage is null ? 0 : 1) + (StepText is null ? 0 : 1);

    public DealFields ToDealFields() => new(Amount, Close, ModelId, CustomerType, StepText, StepDue);
}

/// <summary>
/// Reads a list of deal fields, in any order, separated by commas, dashes, "and" or nothing at all:
/// amounts ("45k", "amount $18,000", "about 60k"), close dates ("closing end of quarter", "closes 1/30", "close Q1"),
/// selling models ("enterprise", "the consultative model"), customer types ("small business", "an existing customer"),
/// stages ("in discovery", "proposal stage"; only where a stage may be said) and a next step, which runs to the end
/// ("next step: legal review by dec 10"). Models, customer types and stages come from the process, so a company's own
/// names work.
/// </summary>
internal sealed partial class DealFieldReader(ParseContext context)
{
    // A field right after a name must be introduced (a separator, "is", "in …", "closing …") unless it is an amount:
    // "Contoso Enterprise" stays a name, "woodgrove bank 1.2m enterprise" is a name, an amount and a model.
    private static readonly HashSet<string> Links = new(StringComparer.OrdinalIgnoreCase) { "is", "are", "now", "was", "should", "be", "a", "an" };

    // Words that join fields and say nothing themselves.
    private static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "also", "now", "so", "then", "plus", "is", "are", "was", "be", "should", "will", "at", "about", "around", "roughly",
        "approximately", "approx", "~", "they're", "they", "it's", "its", "it", "we're", "went", "up", "down", "to", "currently", "=", "with",
    };

    private static readonly HashSet<string> CloseWords = new(StringComparer.OrdinalIgnoreCase) { "closing", "closes", "close", "closed-by" };

    private static readonly HashSet<string> AmountWords = new(StringComparer.OrdinalIgnoreCase) { "amount", "amt", "value", "size", "price", "worth", "budget" };

    private static readonly HashSet<string> CustomerNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "customer", "company", "business", "account", "client", "org", "organisation", "organization", "shop", "firm",
    };

    private static readonly HashSet<string> ModelNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "model", "process", "deal", "sale", "selling", "motion", "opportunity", "opp", "one",
    };

    private const string Separator = ",";

    /// <summary>Reads the whole of <paramref name="text"/> as fields; false when any part is not a field.</summary>
    public bool TryRead(string text, bool allowStage, out SaidFields fields) =>
        TryRead(Tokens(text), 0, allowStage, introduced: true, out fields);

    /// <summary>
    /// Splits "Fabrikam 40k in discovery" into a name and its fields, taking the shortest name after which everything is
    /// fields. The name may be empty ("40k, closing dec 18") when <paramref name="allowNoName"/>; with
    /// <paramref name="allowNoFields"/> a text that is only a name comes back with no fields.
    /// </summary>
    public bool TrySplit(string text, bool allowStage, bool allowNoName, bool allowNoFields, out string name, out SaidFields fields)
    {
        var tokens = Tokens(text);
        for (var split = allowNoName ? 0 : 1; split < tokens.Count; split++)
        {
            var introduced = split == 0 || tokens[split] == Separator || tokens[split - 1] == Separator || Links.Contains(tokens[split]);
            if (TryRead(tokens, split, allowStage, introduced, out fields) && fields.Count > 0)
            {
                name = string.Join(' ', tokens.Take(split).Where(t => t != Separator)).Trim();
                if (split == 0 || name.Length > 0)
                {
                    return true;
                }
            }
        }

        name = string.Join(' ', tokens.Where(t => t != Separator)).Trim();
        fields = new SaidFields();
        return allowNoFields && name.Length > 0;
    }

    private bool TryRead(List<string> tokens, int start, bool allowStage, bool introduced, out SaidFields fields)
    {
        fields = new SaidFields();
        var i = start;
        var first = true;
        while (i < tokens.Count)
        {
            if (tokens[i] == Separator || Fillers.Contains(tokens[i]))
            {
                introduced |= tokens[i] == Separator || Links.Contains(tokens[i]);
                i++;
                continue;
            }

            var mustBeIntroduced = first && !introduced;
            var next = ReadStep(tokens, i, ref fields);
            next = next < 0 ? ReadClose(tokens, i, ref fields) : next;
            next = next < 0 ? ReadAmount(tokens, i, ref fields) : next;
            next = next < 0 && allowStage ? ReadStage(tokens, i, bare: !mustBeIntroduced, ref fields) : next;
            next = next < 0 && !mustBeIntroduced ? ReadCustomerType(tokens, i, ref fields) : next;
            next = next < 0 && !mustBeIntroduced ? ReadModel(tokens, i, ref fields) : next;
            if (next < 0)
            {
                return false;
            }

            i = next;
            first = false;
        }

        return !first;
    }

    // "next step: legal review by dec 10" takes the rest of the message.
    private int ReadStep(List<string> tokens, int i, ref SaidFields fields)
    {
        if (i + 1 >= tokens.Count || !Is(tokens[i], "next", "nxt") || !Is(tokens[i + 1], "step", "steps", "action"))
        {
            return -1;
        }

        var text = StepLeadPattern().Replace(string.Join(' ', tokens.Skip(i + 2)).Replace(" , ", ", ", StringComparison.Ordinal), string.Empty).Trim(' ', ',', '"');
        // "next step for me is …" names who the step is for, not the step.
        if (text.Length == 0 || StepForPattern().IsMatch(text))
        {
            return -1;
        }

        if (DateExpressionParser.TryParseTrailing(text, context.Dates, out var due, out var rest) && rest.Length > 0)
        {
            fields = fields with { StepText = rest.Trim('"', ' '), StepDue = due };
        }
        else
        {
            fields = fields with { StepText = text };
        }

        return tokens.Count;
    }

    // "closing end of quarter", "closes 1/30", "close date jan 31", "expected close 12/18", "to close by dec 15", "by friday".
    private int ReadClose(List<string> tokens, int i, ref SaidFields fields)
    {
        var j = i;
        if (Is(tokens[j], "expected", "expect", "to") && j + 1 < tokens.Count && CloseWords.Contains(tokens[j + 1]))
        {
            j++;
        }

        // "40k q1": a quarter or "eoq" on its own can only be a close date.
        if (fields.Close is null && BarePeriodPattern().IsMatch(tokens[j]) && DateExpressionParser.TryParseCloseDate(tokens[j], context.Dates, out var period))
        {
            fields = fields with { Close = period };
            return j + 1;
        }

        var said = CloseWords.Contains(tokens[j]) || Is(tokens[j], "by");
        if (!said || fields.Close is not null)
        {
            return -1;
        }

        if (!Is(tokens[j], "by"))
        {
            j++;
            if (j < tokens.Count && Is(tokens[j], "date"))
            {
                j++;
            }
        }

        return ReadDate(tokens, j, ref fields);
    }

    private int ReadDate(List<string> tokens, int j, ref SaidFields fields)
    {
        // "expected close: 2027-01-15".
        if (j < tokens.Count && tokens[j] == Separator)
        {
            j++;
        }

        var end = j;
        while (end < tokens.Count && tokens[end] != Separator && end - j < 7)
        {
            end++;
        }

        for (var stop = end; stop > j; stop--)
        {
            var words = tokens.Skip(j).Take(stop - j).ToList();
            while (words.Count > 1 && Is(words[0], "is", "on", "by", "in", "for", "to", "at", "around", ":", "until", "before"))
            {
                if (DateExpressionParser.TryParseCloseDate(string.Join(' ', words), context.Dates, out var withConnector))
                {
                    fields = fields with { Close = withConnector };
                    return stop;
                }

                words.RemoveAt(0);
            }

            if (DateExpressionParser.TryParseCloseDate(string.Join(' ', words), context.Dates, out var date))
            {
                fields = fields with { Close = date };
                return stop;
            }
        }

        return -1;
    }

    // "45k", "$45,000", "USD 42,000", "amount 1.5M", "the amount to 60k", "value 45000", "deal size is 12k".
    private static int ReadAmount(List<string> tokens, int i, ref SaidFields fields)
    {
        if (fields.Amount is not null)
        {
            return -1;
        }

        var j = i;
        var keyword = false;
        while (j < tokens.Count && (Is(tokens[j], "the", "deal", "new", "total", "final") || AmountWords.Contains(tokens[j])))
        {
            keyword |= AmountWords.Contains(tokens[j]);
            j++;
        }

        if (j > i && !keyword)
        {
            return -1;
        }

        while (j < tokens.Count && Is(tokens[j], "is", "to", "of", "at", "=", "now", "for", ":", "went", "up", "down", "about", "around"))
        {
            j++;
        }

        for (var count = Math.Min(3, tokens.Count - j); count >= 1; count--)
        {
            var words = tokens.Skip(j).Take(count).ToList();
            if (words.Contains(Separator))
            {
                continue;
            }

            // A bare plain number must look like an amount ("4500", not "2" or "2030"); after "amount" any number is one.
            if (MoneyParser.TryParse(string.Join(' ', words), out var money, out var isPlainNumber)
                && (!isPlainNumber || keyword || MoneyParser.LooksLikeAmount(money)))
            {
                fields = fields with { Amount = money };
                return j + count;
            }
        }

        return -1;
    }

    // "in discovery", "in the quote stage", "proposal stage"; a bare stage only where fields are introduced. A closing stage
    // only after "in" ("new deal Hooli 60k in closed won" is read, so the answer can say a new deal starts open).
    private int ReadStage(List<string> tokens, int i, bool bare, ref SaidFields fields)
    {
        if (fields.Stage is not null)
        {
            return -1;
        }

        var j = i;
        var introduced = false;
        if (Is(tokens[j], "in", "at", "into"))
        {
            introduced = true;
            j++;
            if (j < tokens.Count && Is(tokens[j], "the"))
            {
                j++;
            }
        }

        for (var count = Math.Min(3, tokens.Count - j); count >= 1; count--)
        {
            var words = tokens.Skip(j).Take(count).ToList();
            if (words.Contains(Separator))
            {
                continue;
            }

            // "proposal stage": the stage is "proposal"; the word "stage" is read after it.
            if (Is(words[^1], "stage"))
            {
                continue;
            }

            var phrase = string.Join(' ', words);
            var end = j + count;
            var saysStage = end < tokens.Count && Is(tokens[end], "stage");
            if ((introduced || saysStage || bare) && ProcessWords.IsStage(context.Process, phrase) && (introduced || !ProcessWords.IsClosingStage(context.Process, phrase)))
            {
                fields = fields with { Stage = phrase };
                return saysStage ? end + 1 : end;
            }
        }

        return -1;
    }

    private int ReadCustomerType(List<string> tokens, int i, ref SaidFields fields)
    {
        var j = i;
        if (Is(tokens[j], "a", "an"))
        {
            j++;
        }

        for (var count = Math.Min(3, tokens.Count - j); count >= 1; count--)
        {
            var words = tokens.Skip(j).Take(count).ToList();
            if (words.Contains(Separator))
            {
                continue;
            }

            var end = j + count;
            var noun = end < tokens.Count && CustomerNouns.Contains(tokens[end]);
            // "an expansion deal with an existing customer" says the same type twice; two different types are not a field list.
            if (ProcessWords.CustomerType(context.Process, string.Join(' ', words), saidAsCustomer: noun) is { } id
                && (fields.CustomerType is null || fields.CustomerType == id))
            {
                fields = fields with { CustomerType = id };
                return noun ? end + 1 : end;
            }
        }

        return -1;
    }

    private int ReadModel(List<string> tokens, int i, ref SaidFields fields)
    {
        if (fields.ModelId is not null)
        {
            return -1;
        }

        var j = i;
        while (j < tokens.Count && Is(tokens[j], "on", "the", "a", "an"))
        {
            j++;
        }

        for (var count = Math.Min(3, tokens.Count - j); count >= 1; count--)
        {
            var words = tokens.Skip(j).Take(count).ToList();
            if (words.Contains(Separator))
            {
                continue;
            }

            if (context.Process.FindModel(string.Join(' ', words)) is { } model)
            {
                var end = j + count;
                while (end < tokens.Count && ModelNouns.Contains(tokens[end]))
                {
                    end++;
                }

                fields = fields with { ModelId = model.Id };
                return end;
            }
        }

        return -1;
    }

    private static bool Is(string token, params string[] words) => words.Any(w => token.Equals(w, StringComparison.OrdinalIgnoreCase));

    // Separators become their own token: "Litware Inc - $75k - closes 1/30" and "tailspin: 30k, closes march 3".
    private static List<string> Tokens(string text) =>
        PhraseTail.Words(SeparatorPattern().Replace(text, " , ")).Select(t => t.Trim('"')).Where(t => t.Length > 0).ToList();

    // A comma inside a number ("$75,000") is not a separator.
    [GeneratedRegex(@"\s+[-–—]+\s+|\s*->\s*|,(?![0-9]{3}(?:[^0-9]|$))\s*|;\s*|:\s+|:$|\.\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"^(?:for|on|of|with)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepForPattern();

    [GeneratedRegex(@"^(?:q[1-4]|eoq|eom|eoy)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BarePeriodPattern();

    [GeneratedRegex(@"^(?:\s*(?:,|:|-|–|is|to be|will be|would be|to|for it)\s+)*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepLeadPattern();
}
