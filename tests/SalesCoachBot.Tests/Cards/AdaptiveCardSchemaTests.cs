namespace SalesCoachBot.Tests.Cards;

public sealed class AdaptiveCardSchemaTests : IDisposable
{
    private const string SchemaFile = AdaptiveCardSchema.SchemaFileName;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cards-schema-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void The_official_schema_is_found_from_the_test_output_folder()
    {
        var path = AdaptiveCardSchema.FindSchemaFile(AppContext.BaseDirectory);

        Assert.True(path is not null, AdaptiveCardSchema.MissingSchemaMessage(AppContext.BaseDirectory));
    }

    [Fact]
    public void Missing_schema_message_names_the_public_copy_in_the_Adaptive_Cards_repository()
    {
        var message = AdaptiveCardSchema.MissingSchemaMessage("/somewhere/bin");

        Assert.Contains("schemas/1.5.0/adaptive-card.json", message, StringComparison.Ordinal);
        Assert.Contains("Adaptive Cards repository (github.com/microsoft/AdaptiveCards)", message, StringComparison.Ordinal);
        Assert.Contains("shared/schemas/adaptive-card-1.5.schema.json", message, StringComparison.Ordinal);
        Assert.Contains("/somewhere/bin", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_is_found_in_shared_beside_the_checkout()
    {
        var expected = Touch("shared", "schemas", SchemaFile);
        Touch("checkout", "SalesCoachBot.sln");

        Assert.Equal(expected, AdaptiveCardSchema.FindSchemaFile(Dir("checkout", "tests", "bin", "Debug")));
    }

    [Fact]
    public void Schema_is_found_above_a_nested_checkout()
    {
        var expected = Touch("shared", "schemas", SchemaFile);
        Touch("work", "trees", "checkout", "SalesCoachBot.sln");

        Assert.Equal(expected, AdaptiveCardSchema.FindSchemaFile(Dir("work", "trees", "checkout", "tests", "bin")));
    }

    [Fact]
    public void A_copy_inside_the_checkout_is_never_used()
    {
        Touch("checkout", "SalesCoachBot.sln");
        Touch("checkout", "shared", "schemas", SchemaFile);

        Assert.Null(AdaptiveCardSchema.FindSchemaFile(Dir("checkout", "tests", "bin")));
    }

    private string Touch(params string[] parts)
    {
        var path = Path.Combine([_root.FullName, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{}");
        return path;
    }

    private string Dir(params string[] parts) => Directory.CreateDirectory(Path.Combine([_root.FullName, .. parts])).FullName;
}
