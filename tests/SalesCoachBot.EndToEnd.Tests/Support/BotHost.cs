using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace SalesCoachBot.EndToEnd.Tests.Support;

/// <summary>
/// The real bot, in process, on Kestrel at a free loopback port: anonymous (no app id), real time, its own SQLite file.
/// The Playground calls it at <see cref="MessagesEndpoint"/>; it replies to the Playground's service URL.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotHost(IDictionary<string, string?> settings)
    {
        Port = FreePort.Next();
        DataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "salescoach-e2e", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>(settings)
        {
            ["SalesCoach:Storage:Provider"] = "Sqlite",
            ["SalesCoach:Storage:Sqlite:Path"] = System.IO.Path.Combine(DataDirectory, "salescoach.db"),
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            // Quiet: the test output shows the tests, not every request and sweep.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:System"] = "Warning",
        };
        UseKestrel(Port);
    }

    public int Port { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public Uri MessagesEndpoint => new(BaseAddress, "api/messages");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held; it is in the temp folder.
        }
    }
}
