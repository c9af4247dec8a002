using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Core.Process;

/// <summary>Reads a process file and checks everything a rep's answers depend on, reporting every problem at once.</summary>
public static partial class ProcessLoader
{
    public const string DefaultFileName = "default-process.json (built in)";

    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The built-in process, shipped inside this assembly.</summary>
    public static SalesProcess LoadDefault()
    {
        using var stream = typeof(ProcessLoader).Assembly.GetManifestResourceStream("SalesCoachBot.Core.default-process.json")
            ?? throw new InvalidOperationException("The built-in process file is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), DefaultFileName);
    }

    public static SalesProcess LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ProcessLoadException([new ProcessError(path, "$", "the file does not exist")]);
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static SalesProcess Parse(string json, string fileName)
    {
        ProcessFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ProcessFile>(json, _options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            throw new ProcessLoadException([new ProcessError(fileName, ex.Path ?? "$", FirstSentence(ex.Message) + where)]);
        }

        if (file is null)
        {
            throw new ProcessLoadException([new ProcessError(fileName, "$", "the file is empty (expected a JSON object)")]);
        }

        var validation = new Validation(fileName);
        var process = validation.Build(file);
        if (validation.Errors.Count > 0 || process is null)
        {
            throw new ProcessLoadException(validation.Errors);
        }

        return process;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end].TrimEnd('.') : message;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    private sealed class Validation(string fileName)
    {
        public List<ProcessError> Errors { get; } = [];

        private void Error(string path, string message) => Errors.Add(new ProcessError(fileName, path, message));

        // "forecast": { "commitFrom": 0.7, "bestCaseFrom": 0.4 }: both optional, each a probability, best case not above commit.
        private ForecastThresholds BuildForecast(ForecastFile? file)
        {
            var commit = file?.CommitFrom ?? ForecastThresholds.Default.CommitFrom;
            var bestCase = file?.BestCaseFrom ?? ForecastThresholds.Default.BestCaseFrom;
            var valid = true;
            foreach (var (value, field) in new[] { (commit, "commitFrom"), (bestCase, "bestCaseFrom") })
            {
                if (value is < 0 or > 1)
                {
                    Error($"$.forecast.{field}", $"{value.ToString(CultureInfo.InvariantCulture)} is outside 0..1 (a stage win probability)");
                    valid = false;
                }
            }

            if (valid && bestCase > commit)
            {
                Error("$.forecast.bestCaseFrom", $"{bestCase.ToString(CultureInfo.InvariantCulture)} is above commitFrom ({commit.ToString(CultureInfo.InvariantCulture)}); best case starts at or below commit");
            }

            return new ForecastThresholds(commit, bestCase);
        }

        public SalesProcess? Build(ProcessFile file)
        {
            var defaults = new EscalationTiming(
                Duration(file.Defaults?.ReminderGrace, "$.defaults.reminderGrace", required: false) ?? TimeSpan.FromDays(2),
                Duration(file.Defaults?.EscalationGrace, "$.defaults.escalationGrace", required: false) ?? TimeSpan.FromDays(3));

            var models = new List<SellingModel>();
            if (file.Models is null || file.Models.Count == 0)
            {
                Error("$.models", "at least one selling model is required");
            }
            else
            {
                for (var i = 0; i < file.Models.Count; i++)
                {
                    if (BuildModel(file.Models[i], $"$.models[{i}]") is { } model)
                    {
                        models.Add(model);
                    }
                }

                Unique(models.Select(m => m.Id), "$.models", "model id");
                UniqueVocabulary(models.Select(m => (m.Id, (IEnumerable<string>)[m.Id, m.Name, .. m.Synonyms])), "$.models", "model");
            }

            var defaultModel = Required(file.DefaultModel, "$.defaultModel");
            if (defaultModel is not null && models.Count > 0 && models.All(m => m.Id != defaultModel))
            {
                Error("$.defaultModel", $"'{defaultModel}' is not one of the models ({string.Join(", ", models.Select(m => m.Id))})");
            }

            var customerTypes = (file.CustomerTypes ?? []).Select((c, i) => BuildCustomerType(c, $"$.customerTypes[{i}]", models)).OfType<CustomerType>().ToList();
            var glossary = (file.Glossary ?? []).Select((g, i) => BuildTerm(g, $"$.glossary[{i}]")).OfType<GlossaryTerm>().ToList();
            var name = file.Name ?? "Sales process";
            if (file.FiscalYearStartMonth is < 1 or > 12)
            {
                Error("$.fiscalYearStartMonth", $"must be a month number from 1 (January) to 12 (December), not {file.FiscalYearStartMonth.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            if (file.Currency is { } currency && !IsCurrencyCode(currency))
            {
                Error("$.currency", $"must be a three-letter ISO 4217 code such as USD or EUR, not \"{currency}\"");
            }

            var forecast = BuildForecast(file.Forecast);
            return Errors.Count == 0
                ? new SalesProcess(name, fileName, defaultModel!, defaults, customerTypes, glossary, models) { Forecast = forecast, FiscalYearStartMonth = file.FiscalYearStartMonth ?? 1, Currency = file.Currency }
                : null;
        }

        private static bool IsCurrencyCode(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper);

        private SellingModel? BuildModel(ModelFile? model, string path)
        {
            if (model is null)
            {
                Error(path, "a model must be an object");
                return null;
            }

            var id = Id(model.Id, $"{path}.id");
            var name = Required(model.Name, $"{path}.name");
            var description = Required(model.Description, $"{path}.description");
            var stages = new List<Stage>();
            if (model.Stages is null || model.Stages.Count == 0)
            {
                Error($"{path}.stages", "a model needs its stages, in order");
            }
            else
            {
                for (var i = 0; i < model.Stages.Count; i++)
                {
                    if (BuildStage(model.Stages[i], $"{path}.stages[{i}]") is { } stage)
                    {
                        stages.Add(stage);
                    }
                }

                if (stages.Count == model.Stages.Count)
                {
                    CheckStageOrder(stages, $"{path}.stages");
                }

                Unique(stages.Select(s => s.Id), $"{path}.stages", "stage id");
                UniqueVocabulary(stages.Select(s => (s.Id, (IEnumerable<string>)[s.Id, s.Name, .. s.Synonyms])), $"{path}.stages", "stage");
            }

            return id is null || name is null || description is null
                ? null
                : new SellingModel(id, name, Strings(model.Synonyms, $"{path}.synonyms"), description, stages);
        }

        private void CheckStageOrder(List<Stage> stages, string path)
        {
            if (!stages.Any(s => s.Outcome == StageOutcome.Open))
            {
                Error(path, "a model needs at least one open stage");
            }

            if (stages.Count(s => s.Outcome == StageOutcome.Won) != 1 || stages.Count(s => s.Outcome == StageOutcome.Lost) != 1)
            {
                Error(path, "a model needs exactly one stage with outcome 'won' and one with outcome 'lost'");
            }

            var firstClosed = stages.FindIndex(s => s.IsClosed);
            if (firstClosed >= 0 && stages.Skip(firstClosed).Any(s => !s.IsClosed))
            {
                Error(path, "open stages must come before the closed (won/lost) stages");
            }

            var open = stages.Where(s => !s.IsClosed).ToList();
            for (var i = 1; i < open.Count; i++)
            {
                if (open[i].WinProbability < open[i - 1].WinProbability)
                {
                    Error($"{path}[{i}].winProbability", $"win probability should not fall from '{open[i - 1].Name}' to '{open[i].Name}'");
                }
            }
        }

        private Stage? BuildStage(StageFile? stage, string path)
        {
            if (stage is null)
            {
                Error(path, "a stage must be an object");
                return null;
            }

            var id = Id(stage.Id, $"{path}.id");
            var name = Required(stage.Name, $"{path}.name");
            var definition = Required(stage.Definition, $"{path}.definition");
            var objective = Required(stage.Objective, $"{path}.objective");
            var outcome = stage.Outcome?.ToLowerInvariant() switch
            {
                null or "open" => StageOutcome.Open,
                "won" => StageOutcome.Won,
                "lost" => StageOutcome.Lost,
                _ => Invalid<StageOutcome>($"{path}.outcome", $"'{stage.Outcome}' is not an outcome (use open, won or lost)"),
            };

            TimeSpan? allowed = null;
            if (outcome == StageOutcome.Open)
            {
                allowed = Duration(stage.AllowedTime, $"{path}.allowedTime", required: true);
            }
            else if (stage.AllowedTime is not null)
            {
                Error($"{path}.allowedTime", "a closed stage has no allowed time; remove it");
            }

            var probability = stage.WinProbability;
            if (probability is null)
            {
                Error($"{path}.winProbability", "is required (a number from 0 to 1)");
            }
            else if (probability < 0 || probability > 1)
            {
                Error($"{path}.winProbability", $"{probability.Value.ToString(CultureInfo.InvariantCulture)} is outside 0..1");
            }

            var exitCriteria = Strings(stage.ExitCriteria, $"{path}.exitCriteria");
            if (outcome == StageOutcome.Open && exitCriteria.Count == 0)
            {
                Error($"{path}.exitCriteria", "an open stage needs at least one exit criterion");
            }

            var tools = (stage.Tools ?? []).Select((t, i) => BuildTool(t, $"{path}.tools[{i}]")).OfType<StageTool>().ToList();

            return id is null || name is null || definition is null || objective is null || probability is null
                ? null
                : new Stage(
                    id,
                    name,
                    Strings(stage.Synonyms, $"{path}.synonyms"),
                    definition,
                    objective,
                    exitCriteria,
                    stage.BlockOnUnmetCriteria ?? false,
                    Strings(stage.Actions, $"{path}.actions"),
                    tools,
                    allowed,
                    Duration(stage.ReminderGrace, $"{path}.reminderGrace", required: false),
                    Duration(stage.EscalationGrace, $"{path}.escalationGrace", required: false),
                    Strings(stage.FollowUps, $"{path}.followUps"),
                    probability.Value,
                    outcome);
        }

        private StageTool? BuildTool(ToolFile? tool, string path)
        {
            if (tool is null)
            {
                Error(path, "a tool must be an object");
                return null;
            }

            var name = Required(tool.Name, $"{path}.name");
            var use = Required(tool.Use, $"{path}.use");
            ToolKind kind = ToolKind.Other;
            if (tool.Kind is null || !Enum.TryParse(tool.Kind, ignoreCase: true, out kind) || int.TryParse(tool.Kind, CultureInfo.InvariantCulture, out _))
            {
                Error($"{path}.kind", $"'{tool.Kind}' is not a tool kind (use {string.Join(", ", Enum.GetNames<ToolKind>().Select(JsonNamingPolicy.CamelCase.ConvertName))})");
            }

            return name is null || use is null ? null : new StageTool(kind, name, use);
        }

        private CustomerType? BuildCustomerType(CustomerTypeFile? type, string path, List<SellingModel> models)
        {
            if (type is null)
            {
                Error(path, "a customer type must be an object");
                return null;
            }

            var id = Id(type.Id, $"{path}.id");
            var name = Required(type.Name, $"{path}.name");
            var definition = Required(type.Definition, $"{path}.definition");
            var modelIds = Strings(type.Models, $"{path}.models");
            foreach (var modelId in modelIds.Where(m => models.Count > 0 && models.All(x => x.Id != m)))
            {
                Error($"{path}.models", $"'{modelId}' is not one of the models");
            }

            return id is null || name is null || definition is null
                ? null
                : new CustomerType(id, name, definition, Strings(type.Signals, $"{path}.signals"), modelIds);
        }

        private GlossaryTerm? BuildTerm(GlossaryFile? term, string path)
        {
            if (term is null)
            {
                Error(path, "a glossary entry must be an object");
                return null;
            }

            var name = Required(term.Term, $"{path}.term");
            var definition = Required(term.Definition, $"{path}.definition");
            return name is null || definition is null ? null : new GlossaryTerm(name, Strings(term.Synonyms, $"{path}.synonyms"), definition);
        }

        private string? Required(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Error(path, "is required and must not be empty");
                return null;
            }

            return value.Trim();
        }

        private string? Id(string? value, string path)
        {
            var id = Required(value, path);
            if (id is not null && !IdPattern().IsMatch(id))
            {
                Error(path, $"'{id}' is not a valid id (lowercase letters, digits and single hyphens, e.g. 'solution-design')");
                return null;
            }

            return id;
        }

        private List<string> Strings(List<string?>? values, string path)
        {
            var result = new List<string>();
            for (var i = 0; i < (values?.Count ?? 0); i++)
            {
                if (Required(values![i], $"{path}[{i}]") is { } value)
                {
                    result.Add(value);
                }
            }

            return result;
        }

        private TimeSpan? Duration(string? value, string path, bool required)
        {
            if (value is null)
            {
                if (required)
                {
                    Error(path, "is required for an open stage (an ISO-8601 duration such as 'P7D' or 'PT30S')");
                }

                return null;
            }

            if (!IsoDuration.TryParse(value, out var duration))
            {
                Error(path, $"'{value}' is not an ISO-8601 duration in weeks, days, hours, minutes or seconds (e.g. 'P7D', 'P2W', 'PT30S')");
                return null;
            }

            return duration;
        }

        private void Unique(IEnumerable<string> ids, string path, string what)
        {
            foreach (var duplicate in ids.GroupBy(x => x, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Error(path, $"{what} '{duplicate.Key}' appears more than once");
            }
        }

        // A word a rep may type must point at one thing only, or "move contoso to X" could not be understood.
        private void UniqueVocabulary(IEnumerable<(string Id, IEnumerable<string> Words)> items, string path, string what)
        {
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (id, words) in items)
            {
                foreach (var key in words.Select(Vocabulary.Key).Distinct())
                {
                    if (owners.TryGetValue(key, out var other) && other != id)
                    {
                        Error(path, $"'{key}' names both {what} '{other}' and {what} '{id}'; a name or synonym must be unique");
                    }
                    else
                    {
                        owners[key] = id;
                    }
                }
            }
        }

        private T Invalid<T>(string path, string message)
            where T : struct
        {
            Error(path, message);
            return default;
        }
    }
}
