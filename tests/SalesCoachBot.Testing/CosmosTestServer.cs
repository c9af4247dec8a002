using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Testing;

/// <summary>
/// A real Cosmos DB REST server for tests: @vercel/cosmosdb-server behind tests/tools/cosmos-test-server.js (which
/// answers the SDK's query-plan requests and maps missing items to 404), on a free loopback port, stopped on dispose.
/// Share one per test collection; give each test class its own database.
/// </summary>
public sealed partial class CosmosTestServer : IAsyncDisposable
{
    private readonly NodeProcess _process;

    private CosmosTestServer(NodeProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Endpoint => new($"https://127.0.0.1:{Port}/");

    /// <summary>The server takes any key; a fresh random one keeps anything key-shaped out of the repository.</summary>
    public string ConnectionString => $"AccountEndpoint={Endpoint};AccountKey={_key};";

    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

    public string Output => _process.Output;

    

    public static async Task<CosmosTestServer> StartAsync()
    {
        TestTools.PackageFile("@vercel/cosmosdb-server", "package.json");
        var script = Path.Combine(TestTools.Directory, "cosmos-test-server.js");
        var (process, ready) = await NodeProcess.StartAsync("node", [script, "0"], ReadyLine(), TimeSpan.FromSeconds(30));
        return new CosmosTestServer(process, int.Parse(ready.Groups["port"].Value, CultureInfo.InvariantCulture));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"cosmos-test-server listening on (?<port>\d+)")]
    private static partial Regex ReadyLine();
}
