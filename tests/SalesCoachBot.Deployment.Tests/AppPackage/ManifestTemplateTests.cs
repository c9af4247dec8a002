using System.Text.Json.Nodes;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Deployment.Tests.Support;

namespace SalesCoachBot.Deployment.Tests.AppPackage;

/// <summary>manifest/manifest.json: what Teams shows and suggests, checked against the official schema and the bot itself.</summary>
public sealed class ManifestTemplateTests
{
    private static readonly ParseContext _context = new(new DateOnly(2026, 11, 30), ProcessLoader.LoadDefault());

    [Fact]
    public void The_template_is_a_valid_manifest_as_it_stands()
    {
        var errors = TeamsManifestSchema.Validate(Template());

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void The_validation_catches_a_broken_manifest()
    {
        // Guards the validator itself: a colour that is not #RRGGBB and a bot without its id must both be reported.
        var manifest = Template();
        manifest["accentColor"] = "teal";
        manifest["bots"]![0]!.AsObject().Remove("botId");

        var errors = TeamsManifestSchema.Validate(manifest);

        Assert.Contains(errors, e => e.StartsWith("/accentColor:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/bots/0:", StringComparison.Ordinal) && e.Contains("botId", StringComparison.Ordinal));
    }

    [Fact]
    public void The_template_uses_the_newest_manifest_schema_the_package_ships()
    {
        var newest = TeamsManifestSchema.Versions()[^1];

        Assert.True(newest >= new Version(1, 19), $"the package ships schemas up to {newest}");
        Assert.Equal(newest.ToString(), (string?)Template()["manifestVersion"]);
        Assert.EndsWith($"/v{newest}/MicrosoftTeams.schema.json", (string?)Template()["$schema"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_means_the_same_under_draft_7_as_under_its_declared_draft_4()
    {
        // TeamsManifestSchema evaluates the draft-04 schema as draft-07; that is faithful only while the schema avoids
        // the keywords whose meaning changed (boolean exclusiveMinimum/Maximum, "id") and refers only within itself.
        var schema = JsonNode.Parse(TeamsManifestSchema.SchemaText((string)Template()["manifestVersion"]!))!;
        var keywords = Walk(schema).ToList();

        Assert.Equal("http://json-schema.org/draft-04/schema#", (string?)schema["$schema"]);
        Assert.DoesNotContain(keywords, k => k.Name is "exclusiveMinimum" or "exclusiveMaximum" && k.Value is JsonValue v && v.TryGetValue<bool>(out _));
        Assert.All(keywords.Where(k => k.Name == "$ref"), k => Assert.StartsWith("#/", (string)k.Value!, StringComparison.Ordinal));
        Assert.Contains(keywords, k => k.Name == "$ref");
    }

    [Fact]
    public void The_bot_can_be_added_to_personal_chats_teams_and_group_chats()
    {
        var bot = Template()["bots"]![0]!;

        Assert.Equal(["groupChat", "personal", "team"], bot["scopes"]!.AsArray().Select(s => (string)s!).Order(StringComparer.Ordinal));
        Assert.False((bool)bot["isNotificationOnly"]!);
        Assert.Equal("personal", (string?)Template()["defaultInstallScope"]);
    }

    [Fact]
    public void Each_scope_has_its_own_command_list()
    {
        var lists = CommandLists();

        Assert.Equal(["groupChat", "personal", "team"], lists.SelectMany(l => l.Scopes).Order(StringComparer.Ordinal));
        Assert.All(lists, l => Assert.Single(l.Scopes));
    }

    [Fact]
    public void The_personal_list_offers_the_main_deal_commands()
    {
        var personal = CommandLists().Single(l => l.Scopes.Contains("personal")).Commands.Select(c => c.Title).ToList();

        Assert.Equal(
            ["my deals", "new deal", "move", "next step for", "undo", "my forecast", "stalled deals", "how does our sales process work?", "how am I doing", "help"],
            personal);
    }

    [Fact]
    public void Command_titles_and_descriptions_fit_what_teams_shows()
    {
        // Teams cuts longer titles and descriptions in the command menu, and shows at most 10 commands per scope.
        Assert.All(CommandLists(), list =>
        {
            Assert.InRange(list.Commands.Count, 1, 10);
            Assert.All(list.Commands, c => Assert.InRange(c.Title.Length, 1, 32));
            Assert.All(list.Commands, c => Assert.InRange(c.Description.Length, 1, 128));
        });
    }

    [Theory]
    [InlineData("my deals", typeof(ListDeals))]
    [InlineData("stalled deals", typeof(ShowStalled))]
    [InlineData("help", typeof(ShowHelp))]
    [InlineData("undo", typeof(Undo))]
    [InlineData("how does our sales process work?", typeof(ExplainProcess))]
    [InlineData("walk me through the process", typeof(StartTour))]
    [InlineData("my forecast", typeof(AskInsight))]
    [InlineData("how am I doing", typeof(AskInsight))]
    [InlineData("team pipeline", typeof(AskInsight))]
    [InlineData("where do deals stall?", typeof(ShowProcessReport))]
    public void A_complete_command_title_does_what_it_says_when_sent_as_is(string title, Type expected)
    {
        Assert.Contains(CommandLists().SelectMany(l => l.Commands), c => c.Title == title);

        Assert.IsType(expected, CommandParser.Parse(title, _context));
    }

    [Fact]
    public void Every_example_in_a_command_description_is_understood_by_the_bot()
    {
        // A suggestion whose example the bot cannot read would teach reps a phrase that fails.
        var examples = CommandLists().SelectMany(l => l.Commands)
            .Where(c => c.Description.Contains("e.g. ", StringComparison.Ordinal))
            .Select(c => c.Description[(c.Description.IndexOf("e.g. ", StringComparison.Ordinal) + 5)..])
            .Distinct()
            .ToList();

        Assert.True(examples.Count >= 8, $"only {examples.Count} examples");
        Assert.All(examples, example => Assert.IsNotType<NotUnderstood>(CommandParser.Parse(example, _context)));
    }

    [Fact]
    public void Each_example_starts_with_its_command_title()
    {
        // Teams puts the title in the compose box; the rep completes it the way the example shows.
        var commands = CommandLists().SelectMany(l => l.Commands).Where(c => c.Description.Contains("e.g. ", StringComparison.Ordinal));

        Assert.All(commands, c => Assert.StartsWith(c.Title + " ", c.Description[(c.Description.IndexOf("e.g. ", StringComparison.Ordinal) + 5)..], StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_manifest_asks_for_no_single_sign_on()
    {
        // The bot needs no user token (it reads no Graph data), so it declares no webApplicationInfo; see README.
        Assert.Null(Template()["webApplicationInfo"]);
    }

    private static JsonObject Template() => JsonNode.Parse(File.ReadAllText(Repository.ManifestTemplate))!.AsObject();

    private static List<CommandList> CommandLists() =>
        Template()["bots"]![0]!["commandLists"]!.AsArray()
            .Select(l => new CommandList(
                l!["scopes"]!.AsArray().Select(s => (string)s!).ToList(),
                l["commands"]!.AsArray().Select(c => new Command((string)c!["title"]!, (string)c["description"]!)).ToList()))
            .ToList();

    private static IEnumerable<(string Name, JsonNode? Value)> Walk(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Walk(p.Value).Prepend((p.Key, p.Value))),
        JsonArray a => a.SelectMany(Walk),
        _ => [],
    };

    private sealed record CommandList(List<string> Scopes, List<Command> Commands);

    private sealed record Command(string Title, string Description);
}
