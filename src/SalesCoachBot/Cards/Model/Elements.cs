using System.Text.Json.Serialization;

namespace SalesCoachBot.Cards.Model;

/// <summary>An item of a card's body (or of a container). Serialized with its schema "type".</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
public abstract record CardElement
{
    // Right after "type", where a person reading a logged card looks for it.
    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }
}

public sealed record TextBlock : CardElement
{
    public required string Text { get; init; }

    public FontSize? Size { get; init; }

    public FontWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public FontType? FontType { get; init; }

    public bool? IsSubtle { get; init; }

    // The renderer's default is false, which truncates long coaching tips to one line.
    public bool Wrap { get; init; } = true;

    public int? MaxLines { get; init; }

    public TextBlockStyle? Style { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

public sealed record RichTextBlock : CardElement
{
    public required IReadOnlyList<TextRun> Inlines { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

public sealed record TextRun
{
    // The schema's ImplementationsOf.Inline requires it.
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TextRun";

    public required string Text { get; init; }

    public FontSize? Size { get; init; }

    public FontWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public bool? Italic { get; init; }

    public bool? Strikethrough { get; init; }

    public bool? Highlight { get; init; }

    public bool? Underline { get; init; }
}

public sealed record FactSet : CardElement
{
    public required IReadOnlyList<Fact> Facts { get; init; }
}

public sealed record Fact(string Title, string Value);

public sealed record Container : CardElement
{
    public required IReadOnlyList<CardElement> Items { get; init; }

    public ContainerStyle? Style { get; init; }

    public bool? Bleed { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }

    /// <summary>Any action but <see cref="ShowCardAction"/>, which the schema rejects here.</summary>
    public CardAction? SelectAction { get; init; }
}

public sealed record ColumnSet : CardElement
{
    public required IReadOnlyList<Column> Columns { get; init; }

    public ContainerStyle? Style { get; init; }

    public bool? Bleed { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }

    /// <summary>Any action but <see cref="ShowCardAction"/>, which the schema rejects here.</summary>
    public CardAction? SelectAction { get; init; }
}

// Not a CardElement: a Column may only appear inside a ColumnSet.
public sealed record Column
{
    // Optional in the schema, but written as the designer and the Teams samples do.
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "Column";

    public required IReadOnlyList<CardElement> Items { get; init; }

    public ColumnWidth? Width { get; init; }

    public string? Id { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }

    public ContainerStyle? Style { get; init; }

    public bool? Bleed { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }

    /// <summary>Any action but <see cref="ShowCardAction"/>, which the schema rejects here.</summary>
    public CardAction? SelectAction { get; init; }
}

public sealed record Image : CardElement
{
    public required Uri Url { get; init; }

    public string? AltText { get; init; }

    public ImageSize? Size { get; init; }

    public ImageStyle? Style { get; init; }

    /// <summary>A pixel width such as "48px"; overrides <see cref="Size"/>.</summary>
    public string? Width { get; init; }

    /// <summary>A pixel height such as "48px", or "auto"/"stretch".</summary>
    public string? Height { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }

    /// <summary>Any action but <see cref="ShowCardAction"/>, which the schema rejects here.</summary>
    public CardAction? SelectAction { get; init; }
}

public sealed record ActionSet : CardElement
{
    public required IReadOnlyList<CardAction> Actions { get; init; }
}

/// <summary>Schema 1.5 table.</summary>
public sealed record Table : CardElement
{
    public required IReadOnlyList<TableColumnDefinition> Columns { get; init; }

    public required IReadOnlyList<TableRow> Rows { get; init; }

    public bool? FirstRowAsHeader { get; init; }

    public bool? ShowGridLines { get; init; }

    public ContainerStyle? GridStyle { get; init; }

    public HorizontalAlignment? HorizontalCellContentAlignment { get; init; }

    public VerticalAlignment? VerticalCellContentAlignment { get; init; }
}

public sealed record TableColumnDefinition
{
    public ColumnWidth? Width { get; init; }

    public HorizontalAlignment? HorizontalCellContentAlignment { get; init; }

    public VerticalAlignment? VerticalCellContentAlignment { get; init; }
}

public sealed record TableRow
{
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TableRow";

    public required IReadOnlyList<TableCell> Cells { get; init; }

    public ContainerStyle? Style { get; init; }

    public HorizontalAlignment? HorizontalCellContentAlignment { get; init; }

    public VerticalAlignment? VerticalCellContentAlignment { get; init; }
}

public sealed record TableCell
{
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TableCell";

    public required IReadOnlyList<CardElement> Items { get; init; }

    public ContainerStyle? Style { get; init; }

    public bool? Bleed { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }

    /// <summary>Any action but <see cref="ShowCardAction"/>, which the schema rejects here.</summary>
    public CardAction? SelectAction { get; init; }
}
