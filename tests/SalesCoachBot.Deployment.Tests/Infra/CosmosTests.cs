using System.Text.Json.Nodes;

namespace SalesCoachBot.Deployment.Tests.Infra;

/// <summary>The Cosmos DB account, database and containers the store is written for, keyless.</summary>
[Collection(InfraGroup.Name)]
public sealed class CosmosTests(InfraFixture infra)
{
    private const string Containers = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers";

    [Theory]
    [InlineData("deals", "/pk", new[] { "/pk/?", "/status/?" }, new[] { "/*", "/\"_etag\"/?" })]
    [InlineData("users", "/tenantId", new[] { "/tenantId/?" }, new[] { "/*" })]
    [InlineData("schedule", "/id", new[] { "/kind/?", "/dueAt/?" }, new[] { "/*" })]
    public void Each_container_has_its_partition_key_and_indexes_only_what_the_store_queries(
        string name, string partitionKey, string[] included, string[] excluded)
    {
        var resource = Container(name);

        Assert.Equal([partitionKey], resource["partitionKey"]!["paths"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("Hash", (string?)resource["partitionKey"]!["kind"]);
        var indexing = resource["indexingPolicy"]!;
        Assert.Equal("consistent", (string?)indexing["indexingMode"]);
        Assert.Equal(included, Paths(indexing["includedPaths"]));
        Assert.Equal(excluded, Paths(indexing["excludedPaths"]));
    }

    [Fact]
    public void The_containers_are_exactly_those_the_store_creates_for_itself()
    {
        // The store's own layout (used where it may create containers) and infra/ must not drift apart.
        foreach (var expected in SalesCoachBot.Storage.Cosmos.CosmosAccount.Layout(new SalesCoachBot.Storage.Cosmos.CosmosStorageOptions()))
        {
            var resource = Container(expected.Id);
            Assert.Equal(expected.PartitionKeyPath, (string)resource["partitionKey"]!["paths"]![0]!);
            Assert.Equal(expected.IndexingPolicy.IncludedPaths.Select(p => p.Path), Paths(resource["indexingPolicy"]!["includedPaths"]));
            Assert.Contains("/*", Paths(resource["indexingPolicy"]!["excludedPaths"]));
            Assert.Equal(expected.DefaultTimeToLive, (int?)resource["defaultTtl"]);
            Assert.Equal(
                expected.IndexingPolicy.CompositeIndexes.Select(c => string.Join(",", c.Select(p => $"{p.Path} {p.Order}".ToLowerInvariant()))),
                (resource["indexingPolicy"]!["compositeIndexes"]?.AsArray() ?? []).Select(c => string.Join(",", c!.AsArray().Select(p => $"{(string)p!["path"]!} {(string)p["order"]!}".ToLowerInvariant()))));
        }
    }

    [Fact]
    public void The_database_holds_exactly_the_three_containers()
    {
        var names = infra.Default.Resources(Containers).Select(c => (string)c["properties"]!["resource"]!["id"]!).Order();

        Assert.Equal(["deals", "schedule", "users"], names);
        Assert.All(infra.Default.Resources(Containers), c => Assert.StartsWith($"{CosmosAccount()["name"]}/salescoach/", (string)c["name"]!, StringComparison.Ordinal));
    }

    [Fact]
    public void No_container_expires_what_it_holds()
    {
        // A time to live on deals, profiles or the schedule would silently lose a rep's data or a due reminder.
        Assert.All(["deals", "users", "schedule"], name => Assert.Null(Container(name)["defaultTtl"]));
    }

    [Fact]
    public void The_account_accepts_no_keys_and_is_serverless_by_default()
    {
        var properties = CosmosAccount()["properties"]!;

        Assert.True((bool)properties["disableLocalAuth"]!);
        Assert.Equal(["EnableServerless"], properties["capabilities"]!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Null(infra.Default.One("Microsoft.DocumentDB/databaseAccounts/sqlDatabases")["properties"]!["options"]!["autoscaleSettings"]);
    }

    [Fact]
    public void Autoscale_mode_provisions_the_given_maximum_throughput_instead_of_serverless()
    {
        var account = infra.Autoscale.One("Microsoft.DocumentDB/databaseAccounts")["properties"]!;
        var database = infra.Autoscale.One("Microsoft.DocumentDB/databaseAccounts/sqlDatabases")["properties"]!;

        Assert.Empty(account["capabilities"]!.AsArray());
        Assert.Equal(int.Parse(InfraFixture.AutoscaleMaxThroughput, System.Globalization.CultureInfo.InvariantCulture), (int)database["options"]!["autoscaleSettings"]!["maxThroughput"]!);
        Assert.True((bool)account["disableLocalAuth"]!);
    }

    [Fact]
    public void The_bot_identity_gets_the_built_in_data_contributor_role_on_the_account()
    {
        var assignment = infra.Default.One("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments")["properties"]!;
        var account = (string)CosmosAccount()["id"]!;
        var identity = infra.Default.Id("Microsoft.ManagedIdentity/userAssignedIdentities", "-id-");

        Assert.Equal($"{account}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002", (string?)assignment["roleDefinitionId"]);
        Assert.Equal(account, (string?)assignment["scope"]);
        Assert.Equal(Expressions.Reference(identity, "principalId"), Expressions.Normalize((string)assignment["principalId"]!));
    }

    private JsonObject CosmosAccount() => infra.Default.One("Microsoft.DocumentDB/databaseAccounts");

    private JsonNode Container(string name) =>
        infra.Default.Resources(Containers).Single(c => (string?)c["properties"]!["resource"]!["id"] == name)["properties"]!["resource"]!;

    private static string[] Paths(JsonNode? paths) => paths!.AsArray().Select(p => (string)p!["path"]!).ToArray();
}

/// <summary>Reads the ARM expressions a snapshot leaves for values only a live deployment knows.</summary>
internal static class Expressions
{
    /// <summary>The expression that reads <paramref name="property"/> of the resource <paramref name="id"/>, as the snapshot writes it.</summary>
    public static string Reference(string id, string property) => $"reference('{id}').{property}";

    /// <summary>Drops the API version from reference('id', 'version'), which is the template's business, not the test's.</summary>
    public static string Normalize(string expression) =>
        System.Text.RegularExpressions.Regex.Replace(expression.Trim('[', ']'), @"reference\('([^']+)', '[^']+'\)", "reference('$1')");
}
