using Xunit;

namespace SalesCoachBot.Testing;

/// <summary>
/// One Cosmos test server shared by the test classes of a collection (each test assembly declares the collection
/// with <c>[CollectionDefinition]</c>, as xunit requires); each class uses its own database.
/// </summary>
public sealed class CosmosServerFixture : IAsyncLifetime
{
    public CosmosTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await CosmosTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public static string NewDatabaseName() => "test-" + Guid.NewGuid().ToString("N")[..12];
}
