namespace SalesCoachBot.EndToEnd.Tests.Support;

/// <summary>The bot with the default sales process and no reminder sweep; one rep in one Playground.</summary>
public sealed class ChatFixture : EndToEndFixture
{
    public static readonly PlaygroundUser Rep = new("user-dana", "Dana Rep", "dana@example.com", "00000000-0000-0000-0000-00000000da01");

    public Playground Playground => Playgrounds[0];

    protected override IDictionary<string, string?> BotSettings => new Dictionary<string, string?>
    {
        ["SalesCoach:Reminders:Enabled"] = "false",
    };

    protected override IEnumerable<PlaygroundUser> People => [Rep];
}

/// <summary>
/// The bot with the demo process (its first stage allows 20 seconds; graces of 5 seconds) and a one-second reminder
/// sweep; a rep and their manager, each in their own Playground of the same tenant.
/// </summary>
public sealed class ReminderFixture : EndToEndFixture
{
    public static readonly PlaygroundUser Rep = new("user-riley", "Riley Rep", "riley@example.com", "00000000-0000-0000-0000-00000000a001");
    public static readonly PlaygroundUser Manager = new("user-morgan", "Morgan Manager", "morgan@example.com", "00000000-0000-0000-0000-00000000b001");

    public Playground RepPlayground => Playgrounds[0];

    public Playground ManagerPlayground => Playgrounds[1];

    protected override IDictionary<string, string?> BotSettings => new Dictionary<string, string?>
    {
        ["SalesCoach:Process:Path"] = Path.Combine(AppContext.BaseDirectory, "Processes", "demo-process.json"),
        ["SalesCoach:Reminders:Enabled"] = "true",
        ["SalesCoach:Reminders:SweepInterval"] = "00:00:01",
        ["SalesCoach:Reminders:DigestEnabled"] = "false",
    };

    protected override IEnumerable<PlaygroundUser> People => [Rep, Manager];
}

[CollectionDefinition(Name)]
public sealed class ChatCollectionDefinition : ICollectionFixture<ChatFixture>
{
    public const string Name = "Agents Playground chat";
}

[CollectionDefinition(Name)]
public sealed class ReminderCollectionDefinition : ICollectionFixture<ReminderFixture>
{
    public const string Name = "Agents Playground reminders";
}
