namespace SalesCoachBot.Tests.Cards;

public sealed class AdaptiveCardSchemaTests : IDisposable
{
    private const string SchemaFile = AdaptiveCardSchema.SchemaFileName;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cards-schema-");

    public void Dispose() => _root.Delete(recursive: true);

    // Whether the schema is found in the real layout is not a test of its own: where it is missing the schema tests
    // are skipped, and CI fails a run of the checkout (which has shared/ beside it) that skipped any test.

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
    public void Missing_schema_message_says_the_renderer_check_still_ran_and_names_the_variable_that_points_at_the_file()
    {
        var message = AdaptiveCardSchema.MissingSchemaMessage("/somewhere/bin");

        Assert.Contains("renderer check of every card still runs", message, StringComparison.Ordinal);
        Assert.Contains("SALESCOACH_CARD_SCHEMA", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_variable_names_the_schema_file_instead_of_the_search()
    {
        Touch("shared", "schemas", SchemaFile);
        Touch("checkout", "SalesCoachBot.sln");
        var elsewhere = Touch("elsewhere", "card.schema.json");

        Assert.Equal(elsewhere, AdaptiveCardSchema.Locate(elsewhere, Dir("checkout", "tests", "bin")));
    }

    [Fact]
    public void A_variable_naming_a_missing_file_is_kept_so_the_schema_tests_fail_instead_of_skipping()
    {
        var missing = Path.Combine(_root.FullName, "nowhere", SchemaFile);

        Assert.Equal(missing, AdaptiveCardSchema.Locate(missing, Dir("checkout", "tests", "bin")));
    }

    [Fact]
    public void Without_the_variable_or_shared_beside_the_checkout_there_is_no_schema()
    {
        Touch("checkout", "SalesCoachBot.sln");

        Assert.Null(AdaptiveCardSchema.Locate(null, Dir("checkout", "tests", "bin")));
        Assert.Null(AdaptiveCardSchema.Locate(" ", Dir("checkout", "tests", "bin")));
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
