namespace SalesCoachBot.Cards.Model;

/// <summary>
/// An input. The id is the key of the value in the submitted data, so the schema requires it and
/// the constructor takes it.
/// </summary>
public abstract record CardInput : CardElement
{
    protected CardInput(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    /// <summary>Shown when <see cref="IsRequired"/> or another constraint fails.</summary>
    public string? ErrorMessage { get; init; }
}

public sealed record TextInput : CardInput
{
    public TextInput(string id)
        : base(id)
    {
    }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>ECMAScript pattern the whole value must match.</summary>
    public string? Regex { get; init; }

    public TextInputStyle? Style { get; init; }
}

/// <summary>Dates are written as "yyyy-MM-dd", the only form the input understands.</summary>
public sealed record DateInput : CardInput
{
    public DateInput(string id)
        : base(id)
    {
    }

    public DateOnly? Value { get; init; }

    public DateOnly? Min { get; init; }

    public DateOnly? Max { get; init; }

    public string? Placeholder { get; init; }
}

public sealed record ChoiceSetInput : CardInput
{
    public ChoiceSetInput(string id)
        : base(id)
    {
    }

    public required IReadOnlyList<Choice> Choices { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    /// <summary>The selected choice value; comma-separated values when multi-select.</summary>
    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public bool? Wrap { get; init; }
}

public sealed record Choice(string Title, string Value);

public sealed record ToggleInput : CardInput
{
    public ToggleInput(string id)
        : base(id)
    {
    }

    public required string Title { get; init; }

    /// <summary>Initial value; checked when equal to <see cref="ValueOn"/> ("true" unless set).</summary>
    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }

    public bool? Wrap { get; init; }
}
