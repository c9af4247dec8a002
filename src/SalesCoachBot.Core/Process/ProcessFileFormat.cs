using System.Text.Json.Serialization;

namespace SalesCoachBot.Core.Process;

// The process file as written on disk: every field nullable so that validation, not the
// deserializer, says what is missing, with the path to it.
#pragma warning disable CA1812 // Instantiated by System.Text.Json.
internal sealed record ProcessFile(
    string? Name,
    int? Version,
    int? FiscalYearStartMonth,
    string? Currency,
    string? DefaultModel,
    DefaultsFile? Defaults,
    List<CustomerTypeFile?>? CustomerTypes,
    List<GlossaryFile?>? Glossary,
    List<ModelFile?>? Models,
    ForecastFile? Forecast = null)
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }
}

internal sealed record ForecastFile(decimal? CommitFrom, decimal? BestCaseFrom);

internal sealed record DefaultsFile(string? ReminderGrace, string? EscalationGrace);

internal sealed record CustomerTypeFile(string? Id, string? Name, string? Definition, List<string?>? Signals, List<string?>? Models);

internal sealed record GlossaryFile(string? Term, List<string?>? Synonyms, string? Definition);

internal sealed record ModelFile(string? Id, string? Name, List<string?>? Synonyms, string? Description, List<StageFile?>? Stages);

internal sealed record StageFile(
    string? Id,
    string? Name,
    List<string?>? Synonyms,
    string? Definition,
    string? Objective,
    List<string?>? ExitCriteria,
    bool? BlockOnUnmetCriteria,
    List<string?>? Actions,
    List<ToolFile?>? Tools,
    string? AllowedTime,
    string? ReminderGrace,
    string? EscalationGrace,
    List<string?>? FollowUps,
    decimal? WinProbability,
    string? Outcome);

internal sealed record ToolFile(string? Kind, string? Name, string? Use);
#pragma warning restore CA1812
