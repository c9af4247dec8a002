using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SalesCoachBot.Testing;

namespace SalesCoachBot.EndToEnd.Tests.Support;

/// <summary>
/// One Microsoft 365 Agents Playground (a local Teams client and mock connector) on a free loopback port, pointed at
/// the bot. Its mock tenant, current user, team and channels come from a config file written for it, so two
/// Playgrounds can be two people of one tenant.
/// </summary>
public sealed partial class Playground : IAsyncDisposable
{
    /// <summary>The bot's name in the Playground (what an @mention picks).</summary>
    public const string BotName = "Sales Coach";

    /// <summary>The team channel the config file adds.</summary>
    public const string ChannelName = "Deals";

    private readonly NodeProcess _process;
    private readonly string _directory;

    private Playground(NodeProcess process, int port, string directory, PlaygroundUser user)
    {
        _process = process;
        Port = port;
        _directory = directory;
        User = user;
    }

    public int Port { get; }

    public PlaygroundUser User { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public string Output => _process.Output;

    public static async Task<Playground> StartAsync(Uri botEndpoint, PlaygroundUser user, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(botEndpoint);
        ArgumentNullException.ThrowIfNull(user);
        var directory = Path.Combine(Path.GetTempPath(), "salescoach-e2e-playground", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, ".m365agentsplayground.yml");
        await File.WriteAllTextAsync(config, ConfigFile(user, tenantId));
        var port = FreePort.Next();
        var (process, _) = await NodeProcess.StartAsync(
            "node",
            [
                TestTools.PackageFile("@microsoft/m365agentsplayground", "cli.js"),
                "-e", botEndpoint.ToString(),
                "-c", "msteams",
                "-p", port.ToString(CultureInfo.InvariantCulture),
                "--disable-telemetry",
            ],
            ListeningPattern(),
            TimeSpan.FromSeconds(60),
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true",
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = config,
            },
            workingDirectory: directory);
        var playground = new Playground(process, port, directory, user);
        try
        {
            await playground.WaitForPingAsync();
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    private async Task WaitForPingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                var pong = await http.GetStringAsync(new Uri(Url, "_debug/ping"));
                if (pong.Contains("pong", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTimeOffset.UtcNow < deadline)
            {
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException($"The Agents Playground on port {Port} did not answer /_debug/ping:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The Playground's config file (its schema wants exactly five other users besides the current one).</summary>
    private static string ConfigFile(PlaygroundUser user, string tenantId)
    {
        var others = new[] { "Megan Bowen", "Adele Vance", "Isaiah Langer", "Patti Fernandez", "Lynne Robbins" };
        var text = new StringBuilder();
        text.AppendLine("version: \"0.1.1\"");
        text.AppendLine(CultureInfo.InvariantCulture, $"tenantId: {tenantId}");
        text.AppendLine("bot:");
        text.AppendLine("  id: 00000000-0000-0000-0000-00000000000011");
        text.AppendLine(CultureInfo.InvariantCulture, $"  name: {BotName}");
        text.AppendLine("currentUser:");
        AppendUser(text, "  ", user);
        text.AppendLine("users:");
        for (var i = 0; i < others.Length; i++)
        {
            var name = others[i];
            var login = name.Split(' ')[0].ToLowerInvariant() + "@example.com";
            AppendUser(text, "  - ", new PlaygroundUser($"user-id-{i + 1}-{user.Id}", name, login, $"00000000-0000-0000-0001-{i + 1:000000000000}"), "    ");
        }

        text.AppendLine("personalChat:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  id: personal-{Guid.NewGuid():N}");
        text.AppendLine("groupChat:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  id: group-{Guid.NewGuid():N}");
        text.AppendLine("  name: Group Chat");
        text.AppendLine("team:");
        text.AppendLine("  id: team-id");
        text.AppendLine("  name: Sales Team");
        text.AppendLine("  aadGroupId: 00000000-0000-0000-0000-000000000031");
        text.AppendLine("  channels:");
        text.AppendLine("    - id: channel-deals-id");
        text.AppendLine(CultureInfo.InvariantCulture, $"      name: {ChannelName}");
        return text.ToString();
    }

    private static void AppendUser(StringBuilder text, string firstIndent, PlaygroundUser user, string? indent = null)
    {
        indent ??= firstIndent;
        var parts = user.Name.Split(' ', 2);
        text.AppendLine(CultureInfo.InvariantCulture, $"{firstIndent}id: {user.Id}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{indent}name: {user.Name}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{indent}userPrincipleName: {user.Email}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{indent}aadObjectId: {user.AadObjectId}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{indent}givenName: {parts[0]}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{indent}surname: {(parts.Length > 1 ? parts[1] : parts[0])}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{indent}email: {user.Email}");
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningPattern();
}

/// <summary>A person in the Playground's mock tenant.</summary>
public sealed record PlaygroundUser(string Id, string Name, string Email, string AadObjectId);
