namespace SalesCoachBot.EndToEnd.Tests.Support;

/// <summary>
/// What a collection of end-to-end tests shares: the bot on Kestrel, one Playground per person, and the browser driver.
/// Started once for the collection, stopped at its end also when a test or the start-up failed.
/// </summary>
public abstract class EndToEndFixture : IAsyncLifetime
{
    public const string TenantId = "00000000-0000-0000-0000-0000000000e2";
    private readonly List<Playground> _playgrounds = [];

    public BotHost Bot { get; private set; } = null!;

    public BrowserDriver Driver { get; private set; } = null!;

    public IReadOnlyList<Playground> Playgrounds => _playgrounds;

    /// <summary>The bot's settings on top of appsettings.json.</summary>
    protected abstract IDictionary<string, string?> BotSettings { get; }

    /// <summary>The people, one Playground each.</summary>
    protected abstract IEnumerable<PlaygroundUser> People { get; }

    public async Task InitializeAsync()
    {
        try
        {
            _ = Chromium.Path;
            Bot = new BotHost(BotSettings);
            Bot.StartServer();
            foreach (var person in People)
            {
                _playgrounds.Add(await Playground.StartAsync(Bot.MessagesEndpoint, person, TenantId));
            }

            Driver = await BrowserDriver.StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Driver is not null)
        {
            await Driver.DisposeAsync();
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
