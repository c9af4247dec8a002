namespace SalesCoachBot.Cards.Model;

// Serialized in camelCase by CardJson, which is exactly how the schema's enum lists spell them
// (e.g. "extraLarge"); the one exception is AssociatedInputs, see below.

public enum Spacing
{
    Default,
    None,
    Small,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}

public enum HorizontalAlignment
{
    Left,
    Center,
    Right,
}

public enum VerticalAlignment
{
    Top,
    Center,
    Bottom,
}

public enum FontSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}

public enum FontWeight
{
    Default,
    Lighter,
    Bolder,
}

public enum FontType
{
    Default,
    Monospace,
}

/// <summary>The schema's <c>Colors</c>.</summary>
public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}

public enum TextBlockStyle
{
    Default,
    Heading,
}

public enum ContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}

public enum ImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}

public enum ImageStyle
{
    Default,
    Person,
}

public enum ActionStyle
{
    Default,
    Positive,
    Destructive,
}

/// <summary>
/// The schema enumerates "Auto"/"None" but its pattern takes any casing; we write "auto"/"none"
/// as the Adaptive Cards documentation does.
/// </summary>
public enum AssociatedInputs
{
    Auto,
    None,
}

public enum ChoiceInputStyle
{
    Compact,
    Expanded,
}

public enum TextInputStyle
{
    Text,
    Tel,
    Url,
    Email,
    Password,
}
