using System.Globalization;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Understanding;

/// <summary>Activities done ("called contoso about pricing"), reminders ("remind me about X tomorrow") and snoozes.</summary>
public static partial class CommandParser
{
    // Each rule says the kind of activity; the rest ("<deal> [date] [about …][, note]") is read the same way for all.
    private static (Regex, Rule)[] ActivityRules() =>
    [
        (DealFirstActivityPattern(), DealFirst),
        (LogActivityPattern(), (m, c) => Activity(m, KindOf(m.Groups["kind"].Value), c)),
        (HadActivityPattern(), (m, c) => Activity(m, KindOf(m.Groups["kind"].Value), c)),
        (CalledPattern(), (m, c) => Activity(m, ActivityKind.Call, c)),
        (MetPattern(), (m, c) => Activity(m, ActivityKind.Meeting, c)),
        (DemoedPattern(), (m, c) => Activity(m, KindOf(m.Groups["kind"].Value), c)),
        (SentToPattern(), (m, c) => Sent(m, c)),
        (ProposalSentToPattern(), (m, c) => Sent(m, c)),
        (SentDealPattern(), (m, c) => Sent(m, c)),
        (EmailedPattern(), (m, c) => Activity(m, ActivityKind.Email, c)),
    ];

    private static (Regex, Rule)[] ReminderRules() =>
    [
        (RemindWhenAboutPattern(), (m, c) => DateExpressionParser.TryParse(m.Groups["when"].Value, c.Dates, out var date) && Deal(m.Groups["deal"].Value) is { } deal ? new RemindMe(deal, date, null) : null),
        // "remind me tomorrow", "remind me on friday": no deal named, so the deal the rep last dealt with (the resolver asks when none).
        (RemindWhenPattern(), (m, c) => DateExpressionParser.TryParse(m.Groups["when"].Value, c.Dates, out var date) ? new RemindMe(DealPhrases.Context, date, null) : null),
        (RemindAboutPattern(), RemindAbout),
        (RemindToPattern(), RemindTo),
        (LiftSnoozePattern(), (m, _) => Deal(m.Groups["deal"].Value) is { } deal ? new LiftSnooze(deal) : null),
        (SnoozePattern(), Snooze),
        (StopRemindingPattern(), Snooze),
    ];

    private static ActivityKind KindOf(string word) => word.ToLowerInvariant() switch
    {
        var w when w.Contains("call", StringComparison.Ordinal) || w.Contains("phone", StringComparison.Ordinal) || w.Contains("voicemail", StringComparison.Ordinal) => ActivityKind.Call,
        var w when w.StartsWith("demo", StringComparison.Ordinal) => ActivityKind.Demo,
        var w when w.Contains("mail", StringComparison.Ordinal) => ActivityKind.Email,
        var w when w.Contains("proposal", StringComparison.Ordinal) || w.Contains("quote", StringComparison.Ordinal) => ActivityKind.ProposalSent,
        "" => ActivityKind.Other,
        _ => ActivityKind.Meeting,
    };

    /// <summary>
    /// "&lt;deal&gt; [on monday] [about pricing][, they want a discount]": the deal (after an "at": "the CFO at adventure works"),
    /// the day it happened (looking back; today when not said) and a note.
    /// </summary>
    private static LogActivity? Activity(Match match, ActivityKind kind, ParseContext context)
    {
        var rest = match.Groups["rest"].Value.Trim();
        var note = match.Groups["note"].Success ? Join(match.Groups["note"].Value, null) : null;
        var split = NoteSplitPattern().Match(rest);
        var head = split.Success ? split.Groups["head"].Value : rest;
        if (split.Success)
        {
            note = Join(note, split.Groups["note"].Value);
        }

        var about = AboutPattern().Match(head);
        if (about.Success)
        {
            note = Join(about.Groups["about"].Value, note);
            head = head[..about.Index];
        }

        var date = context.Today;
        head = ActivityFillerPattern().Replace(head.Trim(), string.Empty);
        if (DateExpressionParser.TryParseTrailing(head, context.Dates, DateExpressionParser.DateSense.Past, out var done, out var withoutDate))
        {
            date = done;
            head = ActivityFillerPattern().Replace(withoutDate, string.Empty);
        }
        else if (DateExpressionParser.TryParseTrailing(head, context.Dates, out _, out _))
        {
            // "meeting with contoso tomorrow" is planned, not done: not an activity to log.
            return null;
        }

        var at = AtDealPattern().Match(head);
        var dealText = at.Success ? at.Groups["deal"].Value.Trim() : head.Trim();
        // "call w/ cfo today": a role alone, without "the", is a person too.
        var withoutRole = RolePattern().Replace(" " + dealText, string.Empty).Trim();
        dealText = withoutRole == dealText ? dealText : ArticlePattern().Replace(withoutRole, string.Empty);
        // "had a call with the cfo": a person alone, no deal named, is the deal in context.
        var deal = dealText.Length == 0 || (withoutRole != head.Trim() && OnlyArticlePattern().IsMatch(dealText)) ? DealPhrases.Context : Deal(dealText);
        return deal is null ? null : new LogActivity(deal, kind, date, note);
    }

    // "wide world: had a call w/ the cfo today, they want a discount": the deal first, then what was done with someone there.
    // The deal named first is the deal; what the rest names ("initech - emailed pricing", "woodgrove: call w/ cfo today")
    // is what or who it was about, kept in the note.
    private static LogActivity? DealFirst(Match match, ParseContext context) =>
        Deal(match.Groups["deal"].Value) is { Length: > 0 } deal
        && ParseSentence(match.Groups["rest"].Value, context, allowClauses: true) is LogActivity done
            ? done with { DealPhrase = deal, Note = done.DealPhrase.Length == 0 ? done.Note : Join(done.DealPhrase, done.Note) }
            : null;

    // "sent the proposal to alpine ski house", "emailed the pricing sheet to fourth coffee", "sent wingtip the quote".
    private static LogActivity? Sent(Match match, ParseContext context)
    {
        var verb = match.Groups["verb"].Value.ToLowerInvariant();
        var what = match.Groups["what"].Value.Trim();
        var kind = verb.Contains("mail", StringComparison.Ordinal) || what.Contains("mail", StringComparison.OrdinalIgnoreCase)
            ? ActivityKind.Email
            : KindOf(what) is ActivityKind.ProposalSent ? ActivityKind.ProposalSent : ActivityKind.Email;
        var activity = Activity(match, kind, context);
        return activity is null ? null : activity with { Note = Join(ArticlePattern().Replace(what, string.Empty), activity.Note) };
    }

    private static string? Join(string? first, string? second)
    {
        var parts = new[] { first, second }.Select(p => p?.Trim(' ', ',', ':', ';', '-')).Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static Command? RemindAbout(Match match, ParseContext context)
    {
        var rest = match.Groups["rest"].Value.Trim();
        if (!DateExpressionParser.TryParseTrailing(rest, context.Dates, out var date, out var what) || what.Length == 0 && !rest.Contains(' ', StringComparison.Ordinal))
        {
            return new NotUnderstood(match.Value, ParseHint.Of(HintCode.RemindWhenAbout, rest));
        }

        return Deal(what.Length == 0 ? "it" : what) is { } deal ? new RemindMe(deal, date, null) : null;
    }

    // "remind me to call fabrikam on monday": the task is the note, the deal is who it is done to.
    private static Command? RemindTo(Match match, ParseContext context)
    {
        var task = match.Groups["task"].Value.Trim();
        if (!DateExpressionParser.TryParseTrailing(task, context.Dates, out var date, out var what))
        {
            return new NotUnderstood(match.Value, ParseHint.Of(HintCode.RemindWhenTo, task));
        }

        // "send the contract" is done to the deal in context; a task that is not sales work ("buy milk") is not read.
        // "send the pricing to tailspin": the deal is who it is sent to, after the thing sent.
        var sentTo = TaskSentToPattern().Match(what);
        var target = TaskTargetPattern().Match(what);
        var deal = sentTo.Success && Deal(sentTo.Groups["deal"].Value) is { Length: > 0 } recipient
            ? recipient
            : target.Success ? Deal(target.Groups["deal"].Value) ?? DealPhrases.Context : null;
        return deal is null ? null : new RemindMe(deal, date, what);
    }

    private static Command? Snooze(Match match, ParseContext context)
    {
        if (Deal(match.Groups["deal"].Value) is not { } deal)
        {
            return null;
        }

        var when = match.Groups["when"].Value.Trim();
        if (NextStepDuePattern().IsMatch(when))
        {
            return new SnoozeDeal(deal, new SnoozeSpec(null, null, UntilNextStep: true));
        }

        var untilText = UntilPrefixPattern().Replace(when, string.Empty);
        if (!DurationOnlyPattern().IsMatch(when) && DateExpressionParser.TryParse(untilText, context.Dates, out var date))
        {
            return new SnoozeDeal(deal, new SnoozeSpec(date, null, false));
        }

        if (Duration.TryRead(when, out var days, out var months, out var hours))
        {
            var span = hours > 0 ? TimeSpan.FromHours(hours) : TimeSpan.FromDays(days + (months * 30));
            return span > TimeSpan.Zero && span <= TimeSpan.FromDays(365)
                ? new SnoozeDeal(deal, new SnoozeSpec(null, span, false))
                : new NotUnderstood(match.Value, ParseHint.Of(HintCode.SnoozeTooLong));
        }

        return new NotUnderstood(match.Value, ParseHint.Of(HintCode.UnreadableSnooze, when, deal));
    }

    private const string DealAndRest = @"(?<rest>[^?]+?)";

    [GeneratedRegex(@"^log(?:ged)?\s+(?:a |an )?(?<kind>call|phone call|meeting|mtg|email|e-mail|demo|visit|lunch|coffee|voicemail)(?:(?:\s+(?:with|to|for|at))?\s+(?<rest>[^?,:]+?))?(?<note>\s*[,:].*)?$", Options)]
    private static partial Regex LogActivityPattern();

    [GeneratedRegex(@"^(?:i\s+|we\s+)?(?:had|did|have had|held|ran|finished|wrapped up|wrapped|got|gave|delivered|did an?)?\s*(?:a |an |the |our |my )?(?:(?:quick|short|long|good|great|productive|first|second|follow-up|followup|intro|discovery|kickoff|kick-off|product|final|onsite|on-site|video|zoom|teams|phone|team)\s+)*(?<kind>call|phone call|meeting|mtg|mtng|demo|presentation|lunch|coffee|dinner|breakfast|drinks|visit|onsite|workshop|session|chat)\s+(?:with|to|for|at)\s+" + DealAndRest + @"$", Options)]
    private static partial Regex HadActivityPattern();

    [GeneratedRegex(@"^(?:i\s+)?(?:called|rang|phoned|spoke (?:to|with)|talked (?:to|with)|chatted with|left (?:a )?(?:voicemail|vm|message) (?:for|with|at)|got off (?:the )?(?:phone|call) with|hung up with|off (?:the )?(?:phone|call) with)\s+" + DealAndRest + @"$", Options)]
    private static partial Regex CalledPattern();

    [GeneratedRegex(@"^(?:i\s+|we\s+)?(?:met|visited|saw)\s+(?:with\s+)?" + DealAndRest + @"$", Options)]
    private static partial Regex MetPattern();

    [GeneratedRegex(@"^(?:i\s+|we\s+)?(?<kind>demoed|demo'd|demo-ed|presented|pitched)\s+(?:the product\s+|our product\s+|it\s+)?(?:to\s+|for\s+)?" + DealAndRest + @"$", Options)]
    private static partial Regex DemoedPattern();

    [GeneratedRegex(@"^(?:i\s+)?(?<verb>sent|emailed|e-mailed|mailed|shared)\s+(?<what>(?:the|a|an|our|my|over|over the)\s+[^,]+?|proposal|pricing|quote|contract)\s+(?:over\s+)?to\s+" + DealAndRest + @"$", Options)]
    private static partial Regex SentToPattern();

    [GeneratedRegex(@"^(?:i\s+)?(?<verb>sent|emailed|e-mailed|mailed)\s+(?<rest>(?!the\b|a\b|an\b)(?:(?!\b(?:about|re|regarding)\b)[^,?])+?)\s+(?<what>(?:a|an|the|our|my)\s+[^,?]+?)(?<note>,.*)?$", Options)]
    private static partial Regex SentDealPattern();

    [GeneratedRegex(@"^(?:i\s+)?(?:emailed|e-mailed|mailed)\s+" + DealAndRest + @"$", Options)]
    private static partial Regex EmailedPattern();

    [GeneratedRegex(@"^(?:remind|ping|nudge) me (?<when>tomorrow|today|in [^?]+?|on [^?]+?|next [^?]+?) (?:about|re|regarding|on) (?<deal>[^?]+)$", Options)]
    private static partial Regex RemindWhenAboutPattern();

    [GeneratedRegex(@"^(?<head>[^,:;]+?)\s*(?:[,:;]|\s-\s|\.\s)\s*(?<note>.+)$", Options)]
    private static partial Regex NoteSplitPattern();

    [GeneratedRegex(@"\s+(?:about|re|regarding|on the subject of)\s+(?<about>.+)$", Options)]
    private static partial Regex AboutPattern();

    [GeneratedRegex(@"\s+(?:twice|again|back|earlier|briefly|quickly|onsite|on-site|on site|in person|face to face)$|^(?:twice|again)\s+", Options)]
    private static partial Regex ActivityFillerPattern();

    [GeneratedRegex(@"\b(?:at|from)\s+(?<deal>.+)$", Options)]
    private static partial Regex AtDealPattern();

    // "the datum corp CFO", "the woodgrove bank team": the company, not the people.
    [GeneratedRegex(@"\s+(?:cfo|ceo|cto|cio|coo|vp|team|champion|buyer|folks|people|guys|crew|procurement|legal|it team|ops team|board)$", Options)]
    private static partial Regex RolePattern();

    [GeneratedRegex(@"^(?:the|a|an|our|my|their|his|her)$", Options)]
    private static partial Regex OnlyArticlePattern();

    // "proposal sent to wingtip yesterday": what was sent first, the verb after it.
    [GeneratedRegex(@"^(?:the\s+|our\s+)?(?<what>proposal|quote|pricing|contract|sow)\s+(?:was\s+)?(?<verb>sent|emailed)\s+(?:over\s+)?to\s+" + DealAndRest + @"$", Options)]
    private static partial Regex ProposalSentToPattern();

    [GeneratedRegex(@"^(?<deal>[^:,?]+?)(?:\s*:|\s+[-–—])\s*(?<rest>(?:i\s+|we\s+)?(?:had|did|held|called|met|visited|emailed|e-mailed|sent|demoed|log(?:ged)?|(?:a\s+|quick\s+)?(?:call|phone call|meeting|mtg|demo)\s+(?:with|w/)\b)\b[^?]+)$", Options)]
    private static partial Regex DealFirstActivityPattern();

    [GeneratedRegex(@"^(?:the|a|an|our|my|over)\s+", Options)]
    private static partial Regex ArticlePattern();

    [GeneratedRegex(@"^(?:remind|ping|nudge|alert|message) me (?:about|on|re|regarding|of|for) (?<rest>[^?]+)$|^(?:set|add|create|make)(?: me)? (?:a |up a )?reminder (?:for|about|on|re) (?<rest>[^?]+)$", Options)]
    private static partial Regex RemindAboutPattern();

    [GeneratedRegex(@"^(?:remind|ping|nudge) me (?:again )?(?:on |by )?(?<when>[^?]+)$", Options)]
    private static partial Regex RemindWhenPattern();

    [GeneratedRegex(@"^(?:remind|ping|nudge) me to (?<task>[^?]+)$", Options)]
    private static partial Regex RemindToPattern();

    [GeneratedRegex(@"^(?:send|email|e-mail|mail|forward|share|give|show)\s+(?:(?:the|a|an|our|my|over)\s+[^,]+?|pricing|quote|proposal|contract|deck|sow|invoice)\s+(?:over\s+)?(?:to|with)\s+(?<deal>.+)$", Options)]
    private static partial Regex TaskSentToPattern();

    // "call fabrikam", "send tailspin the contract", "chase adventure works for the PO", "follow up with tailwind".
    [GeneratedRegex(@"^(?:follow up|check in|circle back|touch base|get back|reach out|call|email|ping|chase|send|check|ask|update|nudge|contact|text|message|book|schedule|prep|prepare|review|phone|write|invite|meet|visit|demo)(?:\s+(?:up|in|back|out))?(?:\s+(?:with|to|on|at|in with))?\s+(?<deal>.+?)(?:\s+(?:the|a|an|for|about|re|regarding|on|with|to|that|if|and|again)\b.*)?$", Options)]
    private static partial Regex TaskTargetPattern();

    [GeneratedRegex(@"^(?:un-?snooze|un-?mute|unpause|wake(?: up)?|resume (?:the )?reminders? (?:for|on|about)|(?:cancel|end|lift|remove|stop|undo) (?:the |my )?snooze (?:on|for|of|from)|stop snoozing)\s+(?<deal>.+?)(?:\s+reminders?)?$", Options)]
    private static partial Regex LiftSnoozePattern();

    [GeneratedRegex(@"^(?:snooze|mute|pause|silence|quiet|shush)\s+(?<deal>.+?)(?:\s+reminders?)?\s+(?<when>(?:until|till|til|for|to|on|in)\s+.+|[0-9]+\s*(?:days?|d|weeks?|wks?|w|hours?|hrs?|h|months?)|(?:a|an|one|two|three|four|five|six|seven|ten)\s+(?:days?|weeks?|hours?|months?)|tomorrow|next week)$", Options)]
    private static partial Regex SnoozePattern();

    [GeneratedRegex(@"^(?:stop|quit|no more) (?:reminding me|reminders|pinging me|nagging me) (?:about|on|for) (?<deal>.+?)\s+(?<when>(?:until|till|til|for|in)\s+.+)$|^hold off (?:on\s+)?(?<deal>.+?)(?:\s+reminders?)?\s+(?<when>(?:until|till|til|for)\s+.+)$", Options)]
    private static partial Regex StopRemindingPattern();

    [GeneratedRegex(@"^(?:until|till|til|to)\s+(?:the\s+)?next step(?:'s)?(?:\s+is)?\s+due(?: date)?$|^(?:until|till)\s+(?:it'?s|its)\s+due$", Options)]
    private static partial Regex NextStepDuePattern();

    [GeneratedRegex(@"^(?:until|till|til|to|on)\s+", Options)]
    private static partial Regex UntilPrefixPattern();

    [GeneratedRegex(@"^(?:for\s+|in\s+)?(?:a|an|one|two|three|four|five|six|seven|ten|[0-9]+)\s*(?:days?|d|weeks?|wks?|w|hours?|hrs?|h|months?)$", Options)]
    private static partial Regex DurationOnlyPattern();
}

/// <summary>"3 days", "a week", "two weeks", "2 wks", "a month": read without ever throwing on huge or odd numbers.</summary>
internal static partial class Duration
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["a couple of"] = 2, ["a couple"] = 2, ["couple of"] = 2, ["a few"] = 3,
    };

    // Longer than this is not a slip or a snooze but a typo: refused rather than overflowing.
    private const int MaxDays = 3650;

    public static bool TryRead(string text, out int days, out int months, out int hours)
    {
        days = months = hours = 0;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var countText = match.Groups["n"].Value;
        if (!Words.TryGetValue(countText, out var count)
            && !(AsciiDigits().IsMatch(countText) && int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count)))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        if (count <= 0 || count > MaxDays)
        {
            return false;
        }

        if (unit.StartsWith('h'))
        {
            hours = count;
        }
        else if (unit.StartsWith("mo", StringComparison.Ordinal))
        {
            months = count;
        }
        else
        {
            days = unit.StartsWith('w') ? count * 7 : count;
        }

        return days <= MaxDays && months <= MaxDays / 30;
    }

    public const string Pattern = @"(?:a couple of|a couple|couple of|a few|a|an|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)\s*(?:days?|d|weeks?|wks?|wk|w|months?|mos?|mo|hours?|hrs?|h)";

    [GeneratedRegex(@"^(?:for\s+|in\s+|by\s+)?(?<n>a couple of|a couple|couple of|a few|a|an|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)\s*(?<unit>days?|d|weeks?|wks?|wk|w|months?|mos?|mo|hours?|hrs?|h)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex("^[0-9]{1,9}$")]
    private static partial Regex AsciiDigits();
}
