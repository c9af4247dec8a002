using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding.Corpus;

/// <summary>One message of the corpus: what was typed, and what it must be understood as.</summary>
public sealed record CorpusLine(string Id, string Message, string Intent, IReadOnlyDictionary<string, string> Fields)
{
    public override string ToString() => $"{Id} {Message}";
}

/// <summary>What the parser made of a message, in the corpus's words (an intent and its fields).</summary>
public sealed record Reading(string Intent, IReadOnlyDictionary<string, string> Fields);

/// <summary>Reads the corpus files and puts a parsed <see cref="Command"/> in the corpus's terms (see Corpus/README.md).</summary>
public static partial class PhrasingCorpus
{
    /// <summary>TODAY of the corpus: Wednesday 25 November 2026.</summary>
    public static DateOnly Today { get; } = new(2026, 11, 25);

    public static IReadOnlyList<CorpusLine> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Understanding", "Corpus", fileName);
        var lines = new List<CorpusLine>();
        var headerSeen = false;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }

            var columns = raw.Split('\t');
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            if (columns.Length > 3)
            {
                foreach (var pair in columns[3].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    fields[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
                }
            }

            lines.Add(new CorpusLine(columns[0], columns[1], columns[2], fields));
        }

        return lines;
    }

    /// <summary>The fields whose expected text only has to be contained in what was read.</summary>
    private static readonly HashSet<string> _freeText = ["step", "note", "reason"];

    /// <summary>Why a reading is wrong, or null when it is right.</summary>
    public static string? Mismatch(CorpusLine line, Reading reading)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Intent != line.Intent)
        {
            return $"intent {reading.Intent}, expected {line.Intent}";
        }

        foreach (var (key, expected) in line.Fields)
        {
            reading.Fields.TryGetValue(key, out var actual);
            var options = expected.Split('|');
            var ok = actual is not null && options.Any(option => _freeText.Contains(key)
                ? Normalise(actual).Contains(Normalise(option), StringComparison.Ordinal)
                : Normalise(actual) == Normalise(option));
            if (!ok)
            {
                return $"{key}={actual ?? "(none)"}, expected {expected}";
            }
        }

        return null;
    }

    /// <summary>Case, punctuation and extra spaces do not count.</summary>
    public static string Normalise(string text) =>
        NotWordPattern().Replace(text.ToLowerInvariant(), " ").Trim();

    /// <summary>The deal a reading would change, when it is a change to an existing deal.</summary>
    public static string? ChangedDeal(Reading reading) =>
        reading.Intent is "move" or "advance" or "won" or "lost" or "reopen" or "rename" or "delete" or "change_model"
            or "set_customer_type" or "set_amount" or "set_close_date" or "shift_close_date" or "update" or "set_next_step"
            or "log_activity" or "remind" or "snooze" or "unsnooze" or "undo"
            ? reading.Fields.GetValueOrDefault("deal")
            : null;

    public static Reading Read(Command command)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        void Set(string key, object? value)
        {
            if (value is not null)
            {
                fields[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
        }

        void Deal(string phrase) => Set("deal", DealPhrases.IsContext(phrase) ? "@it" : phrase);
        void Amount(Money? money)
        {
            if (money is { } m)
            {
                Set("amount", m.Amount);
                Set("currency", m.Currency);
            }
        }

        void Date(string key, DateOnly? date) => Set(key, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        void Also(DealFields also)
        {
            Amount(also.Amount);
            Date("close", also.ExpectedClose);
            Set("model", also.ModelPhrase);
            Set("customer_type", also.CustomerTypePhrase);
            Set("step", also.NextStepText);
            Date("due", also.NextStepDue);
        }

        string intent;
        switch (command)
        {
            case CreateDeal c:
                intent = "create";
                Set("deal", c.Name);
                Amount(c.Amount);
                Set("model", c.ModelId);
                Set("stage", c.StagePhrase);
                Date("close", c.ExpectedClose);
                Set("customer_type", c.CustomerTypePhrase);
                Set("step", c.NextStepText);
                Date("due", c.NextStepDue);
                break;
            case MoveDeal c:
                intent = "move";
                Deal(c.DealPhrase);
                Set("stage", c.StagePhrase);
                Set("confirm", Confirm(c.Confirmation));
                Also(c.Also);
                break;
            case AdvanceDeal c:
                intent = "advance";
                Deal(c.DealPhrase);
                Set("confirm", Confirm(c.Confirmation));
                break;
            case CloseDeal c:
                intent = c.Won ? "won" : "lost";
                Deal(c.DealPhrase);
                Set("reason", c.Reason);
                Amount(c.Amount);
                break;
            case ReopenDeal c:
                intent = "reopen";
                Deal(c.DealPhrase);
                break;
            case Undo c:
                intent = "undo";
                if (c.DealPhrase is not null)
                {
                    Deal(c.DealPhrase);
                }

                break;
            case RenameDeal c:
                intent = "rename";
                Deal(c.DealPhrase);
                Set("new_name", c.NewName);
                break;
            case DeleteDeal c:
                intent = "delete";
                Deal(c.DealPhrase);
                break;
            case ChangeModel c:
                intent = "change_model";
                Deal(c.DealPhrase);
                Set("model", c.ModelPhrase);
                break;
            case SetCustomerType c:
                intent = "set_customer_type";
                Deal(c.DealPhrase);
                Set("customer_type", c.CustomerTypePhrase);
                break;
            case SetAmount c:
                intent = "set_amount";
                Deal(c.DealPhrase);
                Amount(c.Amount);
                break;
            case SetCloseDate c:
                intent = "set_close_date";
                Deal(c.DealPhrase);
                Date("close", c.Date);
                break;
            case ShiftCloseDate c:
                intent = "shift_close_date";
                Deal(c.DealPhrase);
                Set("shift", c.Months != 0 ? (c.Months < 0 ? $"-P{-c.Months}M" : $"P{c.Months}M") : Iso(c.Days));
                break;
            case UpdateDeal c:
                intent = "update";
                Deal(c.DealPhrase);
                Also(c.Fields);
                break;
            case SetNextStep c:
                intent = "set_next_step";
                Deal(c.DealPhrase);
                Set("step", c.Text);
                Date("due", c.Due);
                break;
            case LogActivity c:
                intent = "log_activity";
                Deal(c.DealPhrase);
                Set("kind", ActivityWord(c.Kind));
                Date("date", c.Date);
                Set("note", c.Note);
                break;
            case RemindMe c:
                intent = "remind";
                Deal(c.DealPhrase);
                Date("date", c.Date);
                Set("note", c.Note);
                break;
            case LiftSnooze c:
                intent = "unsnooze";
                Deal(c.DealPhrase);
                break;
            case SnoozeDeal c:
                intent = "snooze";
                Deal(c.DealPhrase);
                if (c.Spec.UntilNextStep)
                {
                    Set("until", "next_step");
                }

                Date("until", c.Spec.Until);
                if (c.Spec.For is { } span)
                {
                    Set("for", span.TotalDays >= 1 ? Iso((int)span.TotalDays) : $"PT{(int)span.TotalHours}H");
                }

                break;
            case ShowDeal c:
                intent = "show_deal";
                Deal(c.DealPhrase);
                break;
            case ListDeals:
                intent = "list_deals";
                break;
            case CoachDeal c:
                intent = "coach";
                Deal(c.DealPhrase);
                break;
            case AskInsight c:
                intent = c.Kind switch
                {
                    InsightKind.Forecast => "forecast",
                    InsightKind.Stats => "stats",
                    InsightKind.AtRisk => "at_risk",
                    InsightKind.Due => "due",
                    InsightKind.TeamPipeline => "team_pipeline",
                    InsightKind.TeamForecast => "team_forecast",
                    InsightKind.TeamStats => "team_stats",
                    _ => "rep_stats",
                };
                Set("period", c.Range is { } r ? $"{r.First:yyyy-MM-dd}..{r.Last:yyyy-MM-dd}" : c.Period is { } p ? Snake(p.ToString()) : null);
                Set("rep", c.RepPhrase);
                break;
            case ShowStalled:
                intent = "stalled";
                break;
            case AskQuota c:
                intent = "ask_quota";
                Set("rep", c.RepPhrase);
                break;
            case ShowRepDeals c:
                intent = "rep_deals";
                Set("rep", c.RepPhrase);
                Set("deal", c.DealPhrase);
                break;
            case SetTeamTarget c:
                intent = "team_target";
                Set("kind", c.Measure is { } measure ? Snake(measure.ToString()) : "unknown");
                Set("per_week", c.PerWeek.ToString(CultureInfo.InvariantCulture));
                Set("unit", c.OtherUnit);
                break;
            case ShowTeamTargets:
                intent = "team_targets";
                break;
            case RemoveTeamTarget c:
                intent = "remove_team_target";
                Set("kind", c.Measure is { } removed ? Snake(removed.ToString()) : "unknown");
                break;
            case ShowHelp:
                intent = "help";
                break;
            case Greet:
                intent = "greet";
                break;
            case ExplainProcess c:
                intent = "explain_process";
                Set("model", c.ModelPhrase);
                break;
            case ExplainStage c:
                intent = "explain_stage";
                Set("stage", c.StagePhrase);
                Set("topic", Snake(c.Topic.ToString()));
                break;
            case ExplainTools c:
                intent = "explain_tools";
                Set("target", c.Target);
                Set("tool_kind", c.KindWord);
                break;
            case Define c:
                intent = "define";
                Set("term", c.Term);
                break;
            case CompareStages c:
                intent = "compare_stages";
                Set("stage", c.StagePhrase);
                Set("other", c.OtherStagePhrase);
                break;
            case StartTour c:
                intent = "tour";
                Set("model", c.ModelPhrase);
                break;
            case SetWorkingHours c:
                intent = "set_hours";
                if (WorkingHours.TryParse(c.Spec) is { } hours)
                {
                    Set("from", hours.Start.ToString("HH:mm", CultureInfo.InvariantCulture));
                    Set("to", hours.End.ToString("HH:mm", CultureInfo.InvariantCulture));
                    Set("days", Days(hours.Days));
                }

                break;
            case SetTimeZone c:
                intent = "set_timezone";
                Set("tz", c.TimeZoneId);
                break;
            case SetManager c:
                intent = "set_manager";
                Set("who", c.Who);
                break;
            case NotUnderstood c:
                intent = "not_understood";
                Set("hint", c.Hint?.Code);
                break;
            default:
                intent = "not_understood";
                break;
        }

        return new Reading(intent, fields);
    }

    private static string? Confirm(ExitConfirmation confirmation) => confirmation switch
    {
        ExitConfirmation.AllMet => "all_met",
        ExitConfirmation.Anyway => "anyway",
        _ => null,
    };

    private static string ActivityWord(ActivityKind kind) => kind == ActivityKind.ProposalSent ? "proposal_sent" : kind.ToString().ToLowerInvariant();

    private static string Iso(int days) => days < 0 ? $"-P{-days}D" : $"P{days}D";

    private static string Snake(string pascal) => SnakePattern().Replace(pascal, "_$1").ToLowerInvariant();

    private static string Days(IReadOnlySet<DayOfWeek> days)
    {
        var order = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        var on = order.Where(days.Contains).ToList();
        static string Short(DayOfWeek d) => d.ToString()[..3].ToLowerInvariant();
        var contiguous = on.Count > 0 && on.Select(d => Array.IndexOf(order, d)).Zip(on.Skip(1).Select(d => Array.IndexOf(order, d))).All(p => p.Second == p.First + 1);
        return contiguous && on.Count > 1 ? $"{Short(on[0])}-{Short(on[^1])}" : string.Join(",", on.Select(Short));
    }

    [GeneratedRegex(@"[^\p{L}\p{N}@:+\-/]+")]
    private static partial Regex NotWordPattern();

    [GeneratedRegex(@"(?<!^)([A-Z])")]
    private static partial Regex SnakePattern();
}
