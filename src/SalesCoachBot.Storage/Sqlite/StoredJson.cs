using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoachBot.Storage;

/// <summary>How documents are written to the stores: one set of options, so both stores read each other's shape.</summary>
internal static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} was null.");

    public static string NewETag() => Guid.NewGuid().ToString("N");
}
