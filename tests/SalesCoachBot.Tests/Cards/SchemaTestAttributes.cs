namespace SalesCoachBot.Tests.Cards;

/// <summary>
/// A test of the cards against the official Adaptive Card 1.5 JSON schema: reported as skipped, with the reason and
/// where to get the file, where the schema is not present (a fresh clone has no shared/ beside it).
/// </summary>
/// <remarks>xunit 2 reads <see cref="FactAttribute.Skip"/> from the attribute instance, so setting it here works.</remarks>
public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute() => Skip = AdaptiveCardSchema.SkipReason;
}

/// <summary>The theory form of <see cref="SchemaFactAttribute"/>: skipped, as one test, where the schema is not present.</summary>
public sealed class SchemaTheoryAttribute : TheoryAttribute
{
    public SchemaTheoryAttribute() => Skip = AdaptiveCardSchema.SkipReason;
}
