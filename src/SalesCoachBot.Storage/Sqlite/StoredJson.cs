using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SalesCoachBot.Core.Deals;

namespace SalesCoachBot.Storage;

/// <summary>How documents are written to the stores: one set of options, so both stores read each other's shape.</summary>
internal static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// Deals as figures read them (<see cref="Core.Insights.IInsightDealReader"/>): the same shape, but the undo trail and
    /// the remembered activity ids are skipped by the reader, never built. Only for reading.
    /// </summary>
    public static JsonSerializerOptions ForInsights { get; } = new(Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutWhatNoFigureUses } },
    };

    /// <summary>The stored names of the deal's fields figures use: every one but those <see cref="ForInsights"/> skips.</summary>
    public static IReadOnlyList<string> InsightDealFields { get; } = ForInsights.GetTypeInfo(typeof(Deal)).Properties.Select(p => p.Name).ToList();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} was null.");

    public static string NewETag() => Guid.NewGuid().ToString("N");

    private static void LeaveOutWhatNoFigureUses(JsonTypeInfo type)
    {
        if (type.Type != typeof(Deal))
        {
            return;
        }

        string[] skipped = [Name(nameof(Deal.Undo)), Name(nameof(Deal.AppliedActivities))];
        foreach (var property in type.Properties.Where(p => skipped.Contains(p.Name, StringComparer.Ordinal)).ToList())
        {
            type.Properties.Remove(property);
        }
    }

    private static string Name(string member) => Options.PropertyNamingPolicy?.ConvertName(member) ?? member;
}
