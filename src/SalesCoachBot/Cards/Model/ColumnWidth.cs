using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoachBot.Cards.Model;

/// <summary>
/// Width of a <see cref="Column"/> or <see cref="TableColumnDefinition"/>: "auto", "stretch",
/// a pixel width such as "60px", or a relative weight written as a bare number.
/// </summary>
[JsonConverter(typeof(ColumnWidthJsonConverter))]
public sealed record ColumnWidth
{
    private ColumnWidth(string? keyword, int? weight)
    {
        Keyword = keyword;
        Weight = weight;
    }

    public static ColumnWidth Auto { get; } = new("auto", null);

    public static ColumnWidth Stretch { get; } = new("stretch", null);

    /// <summary>"auto", "stretch" or "NNpx"; null for a weighted width.</summary>
    public string? Keyword { get; }

    /// <summary>The relative weight; null for a keyword or pixel width.</summary>
    public int? Weight { get; }

    public static ColumnWidth Pixels(int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        return new(string.Create(CultureInfo.InvariantCulture, $"{pixels}px"), null);
    }

    public static ColumnWidth Weighted(int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        return new(null, weight);
    }

    public override string ToString() => Keyword ?? Weight!.Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed class ColumnWidthJsonConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Cards are only ever written, never read back.");

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        if (value.Weight is { } weight)
        {
            writer.WriteNumberValue(weight);
        }
        else
        {
            writer.WriteStringValue(value.Keyword);
        }
    }
}
