using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SalesCoachBot.Cards.Model;

/// <summary>Writes cards as Adaptive Card JSON.</summary>
/// <remarks>
/// The Bot Framework serializes activities with Newtonsoft.Json, which does not understand
/// System.Text.Json nodes: for <c>Attachment.Content</c> parse <see cref="Serialize"/>'s string
/// into a <c>JObject</c>.
/// </remarks>
public static class CardJson
{
    // Building options is costly and they cache contracts, so one read-only instance serves all.
    internal static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.Serialize(card, Options);
    }

    public static JsonObject ToJsonObject(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.SerializeToNode(card, Options)!.AsObject();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
            // Card text is never embedded in HTML; the default encoder would write "Don\u0027t"
            // and escape every non-ASCII letter of a customer's name.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
