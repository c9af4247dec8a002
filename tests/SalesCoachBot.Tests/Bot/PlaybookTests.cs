using System.Net;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Tests.Support;
using SkiaSharp;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Bot;

/// <summary>Issue: the playbook for new hires, answered from the process file in force.</summary>
public sealed class PlaybookTests : IAsyncLifetime
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private readonly BotApp _app = new();
    private static readonly TestUser NewHire = new("aad-newbie", "Nia New");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JObject> AskAsync(string text) => SingleCard(await _app.SayAsync(NewHire, text));

    [Fact]
    public async Task How_the_process_works_shows_the_stages_in_order_with_a_picture_the_bot_serves()
    {
        var card = await AskAsync("how does our sales process work?");
        var text = Text(card);

        var consultative = _process.FindModel("consultative")!;
        var positions = consultative.OpenStages.Select(s => text.IndexOf($". {s.Name} · up to", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains(consultative.OpenStages[0].Objective, text, StringComparison.Ordinal);
        var image = card.Descendants().OfType<JObject>().Single(o => o["type"]?.ToString() == "Image");
        var url = new Uri(image["url"]!.ToString());
        Assert.Equal("/playbook/process-map/consultative.png", url.AbsolutePath);

        var png = await _app.CreateClient().GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        using var bitmap = SKBitmap.Decode(await png.Content.ReadAsByteArrayAsync());
        Assert.True(bitmap.Width > 600);
    }

    [Fact]
    public async Task An_unknown_model_picture_is_not_found()
    {
        var response = await _app.CreateClient().GetAsync(new Uri("/playbook/process-map/nope.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_named_model_gets_its_own_map()
    {
        var text = Text(await AskAsync("what's the enterprise process?"));

        Assert.Contains("How we sell: the Enterprise process", text, StringComparison.Ordinal);
        Assert.Contains("4. Solution Design", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_to_do_at_a_stage_lists_its_actions_first()
    {
        var discovery = _process.FindModel("consultative")!.GetStage("discovery")!;

        var text = Text(await AskAsync("what do I do at discovery?"));

        Assert.Contains("Discovery (Consultative)", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("What to do", StringComparison.Ordinal) < text.IndexOf("Exit criteria", StringComparison.Ordinal));
        Assert.Contains(discovery.Actions[0], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_criteria_questions_lead_with_the_criteria()
    {
        var qualify = _process.FindModel("consultative")!.GetStage("qualify")!;

        var text = Text(await AskAsync("what gets a deal out of qualification?"));

        Assert.True(text.IndexOf("Exit criteria", StringComparison.Ordinal) < text.IndexOf("What to do", StringComparison.Ordinal));
        Assert.Contains(qualify.ExitCriteria[0], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_long_a_deal_should_stay_comes_from_the_allowed_time()
    {
        var proposal = _process.FindModel("consultative")!.GetStage("proposal")!;

        var text = Text(await AskAsync("how long should a deal stay in proposal?"));

        Assert.Contains($"At most {SalesCoachBot.Replies.CoreText.Duration(proposal.AllowedTime!.Value)}.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stage_of_another_model_is_found_and_named_as_such()
    {
        var text = Text(await AskAsync("what do I do at solution design?"));

        Assert.Contains("Solution Design is a stage of the Enterprise process.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_stage_lists_the_real_ones()
    {
        var reply = Assert.Single(await _app.SayAsync(NewHire, "what do I do at the banana stage?"));

        Assert.Equal("I don't know a stage called \"banana\". The Consultative stages are: Prospect, Qualify, Discovery, Proposal, Negotiation, Closed Won, Closed Lost.", reply.Text);
    }

    [Fact]
    public async Task Tools_for_a_demo_come_from_the_matrix()
    {
        var demoTools = _process.FindModel("consultative")!.Stages.SelectMany(s => s.Tools).Where(t => t.Kind == ToolKind.Demo).ToList();
        Assert.NotEmpty(demoTools);

        var text = Text(await AskAsync("what tools do I use for a demo?"));

        Assert.All(demoTools, t => Assert.Contains(t.Name, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_glossary_term_is_defined()
    {
        var term = _process.Glossary.Single(g => g.Term == "Qualified prospect");

        var text = Text(await AskAsync("what is a qualified prospect?"));

        Assert.Contains(term.Definition, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tour_walks_stage_by_stage_with_next_and_back_in_place()
    {
        var first = await AskAsync("walk me through the process");
        Assert.Contains("stage 1 of 7", Text(first), StringComparison.Ordinal);
        var next = Assert.Single(Actions(first), a => a.Verb == "tour");

        var (_, secondBody) = await _app.ClickAsync(NewHire, next.Verb, next.Data);
        var second = (JObject)secondBody!["value"]!;
        AssertValid(second);
        var back = Assert.Single(Actions(second), a => a.Title!.StartsWith("Back", StringComparison.Ordinal));
        var (_, againBody) = await _app.ClickAsync(NewHire, back.Verb, back.Data);

        Assert.Contains("stage 2 of 7", Text(second), StringComparison.Ordinal);
        Assert.Contains("Qualify", Text(second), StringComparison.Ordinal);
        Assert.Contains("stage 1 of 7", Text((JObject)againBody!["value"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replaced_process_file_changes_the_answers()
    {
        var json = JsonNode.Parse(File.ReadAllText(DefaultProcessPath()))!.AsObject();
        json["models"]![1]!["stages"]![2]!["name"] = "Deep Dive";
        json["models"]![1]!["stages"]![2]!["actions"] = new JsonArray("Interview three stakeholders this week.");
        var path = Path.Combine(Path.GetTempPath(), $"process-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json.ToJsonString());
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["SalesCoach:Process:Path"] = path });

        var text = Text(SingleCard(await app.SayAsync(NewHire, "what do I do at deep dive?")));

        Assert.Contains("Deep Dive (Consultative)", text, StringComparison.Ordinal);
        Assert.Contains("Interview three stakeholders this week.", text, StringComparison.Ordinal);
    }

    private static string DefaultProcessPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SalesCoachBot.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder!.FullName, "src", "SalesCoachBot.Core", "Process", "default-process.json");
    }
}
