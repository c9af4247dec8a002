namespace SalesCoachBot.EndToEnd.Tests.Support;

/// <summary>
/// What a collection of end-to-end tests shares: the bot on Kestrel, one Playground per person, and headless Chromium.
/// Started once for the collection, stopped at its end also when a test or the start-up failed.
/// </summary>
public abstract class EndToEndFixture : IAsyncLifetime
{
    public const string TenantId = "00000000-0000-0000-0000-0000000000e2";
    private readonly List<Playground> _playgrounds = [];

    public BotHost Bot { get; private set; } = null!;

    public Chromium Browser { get; private set; } = null!;

    public IReadOnlyList<Playground> Playgrounds => _playgrounds;

    /// <summary>The bot's settings on top of appsettings.json.</summary>
    protected abstract IDictionary<string, string?> BotSettings { get; }

    /// <summary>The people, one Playground each.</summary>
    protected abstract IEnumerable<PlaygroundUser> People { get; }

    public async Task InitializeAsync()
    {
        try
        {
            // Missing Chromium fails at once, before the bot and Playgrounds are started for nothing.
            _ = Chromium.ExecutablePath;
            Bot = new BotHost(BotSettings);
            Bot.StartServer();
            foreach (var person in People)
            {
                _playgrounds.Add(await Playground.StartAsync(Bot.MessagesEndpoint, person, TenantId));
            }

            Browser = await Chromium.LaunchAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        foreach (var playground in _playgrounds)
        {
            await playground.DisposeAsync();
        }

        _playgrounds.Clear();
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
    }
}
