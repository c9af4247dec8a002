using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Bot;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Conversation;

/// <summary>
/// Turns through the activity handler, the router and the features on the SDK's <see cref="TestAdapter"/>: the app's own
/// container and store, no HTTP and no connector. The HTTP tests (Bot/ConversationTests) cover the way in and out.
/// </summary>
public sealed class ChatTurnTests : IAsyncLifetime
{
    private static readonly SellingModel _consultative = ProcessLoader.LoadDefault().FindModel("consultative")!;
    private readonly BotApp _app = new();
    private TestAdapter _adapter = null!;
    private IBot _bot = null!;

    public Task InitializeAsync()
    {
        (_adapter, _bot) = Wire(_app);
        return Task.CompletedTask;
    }

    private static (TestAdapter Adapter, IBot Bot) Wire(BotApp app)
    {
        var services = app.Services;

        // The app's middleware, in the order its CloudAdapter runs it (Hosting/ServiceCollectionExtensions), so a
        // redelivered activity meets the duplicate check as it does in Teams.
        var adapter = new TeamsTestAdapter(TestUser.Dana)
            .Use(services.GetRequiredService<TurnTelemetryMiddleware>())
            .Use(services.GetRequiredService<TenantGuardMiddleware>())
            .Use(services.GetRequiredService<DuplicateActivityMiddleware>());
        return (adapter, services.GetRequiredService<IBot>());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private TestFlow Chat() => new(_adapter, _bot);

    /// <summary>A reply that is one card, valid, saying each of <paramref name="expected"/>.</summary>
    private static Action<IActivity> CardSaying(params string[] expected) => reply =>
    {
        var text = Text(SingleCard([(Activity)reply]));
        Assert.All(expected, e => Assert.Contains(e, text, StringComparison.Ordinal));
    };

    [Fact]
    public async Task A_new_deal_shows_up_in_my_deals()
    {
        await Chat()
            .Send("new deal Contoso Ltd 45k")
            .AssertReply(CardSaying("Created Contoso Ltd (Consultative), now in Prospect.", "Amount: $45,000"))
            .Send("my deals")
            .AssertReply(CardSaying("1 open deal", "Contoso Ltd"))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_rep_turns_the_weekly_summary_off_and_on_again_and_it_comes_next_monday_morning()
    {
        var profiles = _app.Services.GetRequiredService<IUserProfileStore>();
        var dana = new OwnerKey(TestUser.Dana.TenantId, TestUser.Dana.Id);

        await Chat()
            .Send("no weekly summary")
            .AssertReply(reply => Assert.StartsWith("Weekly summary off", ((Activity)reply).Text, StringComparison.Ordinal))
            .StartTestAsync();
        var off = (await profiles.GetAsync(dana, CancellationToken.None))!;
        Assert.False(off.WeeklySummary);
        Assert.Null(off.NextSummaryAt);

        // Wednesday 25 Nov: the next one is Monday at nine, the start of Dana's working hours (this adapter sends no time zone: UTC).
        await Chat()
            .Send("weekly summary on")
            .AssertReply(reply => Assert.Contains("Mon 30 Nov 2026 09:00", ((Activity)reply).Text, StringComparison.Ordinal))
            .StartTestAsync();
        var on = (await profiles.GetAsync(dana, CancellationToken.None))!;
        Assert.True(on.WeeklySummary);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), on.NextSummaryAt);
    }

    [Fact]
    public async Task A_move_is_answered_with_the_coaching_card_of_the_new_stage()
    {
        var qualify = _consultative.GetStage("qualify")!;

        await Chat()
            .Send("new deal Contoso Ltd 45k")
            .AssertReply(CardSaying("Created Contoso Ltd"))
            .Send("move contoso to qualify, confirmed")
            .AssertReply(CardSaying("Moved Contoso Ltd to Qualify.", qualify.Objective, qualify.ExitCriteria[0]))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_retried_activity_is_applied_once()
    {
        var advance = _adapter.MakeActivity("advance contoso confirmed");
        var show = _adapter.MakeActivity("show contoso");

        // The redelivery gets no answer: the next reply in the chat is the one to "show contoso", and the deal moved one stage.
        await Chat()
            .Send("new deal Contoso Ltd 45k")
            .AssertReply(CardSaying("Created Contoso Ltd"))
            .Send(advance)
            .AssertReply(CardSaying("Moved Contoso Ltd to Qualify."))
            .Send(advance)
            .Send(show)
            .AssertReply(reply =>
            {
                Assert.Equal(show.Id, reply.ReplyToId);
                CardSaying("Stage: Qualify")(reply);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unknown_card_verb_is_refused_in_place()
    {
        await Chat()
            .Send(TeamsTestAdapter.Click("deleteEverything", new JObject { ["verb"] = "deleteEverything" }))
            .AssertReply(reply =>
            {
                Assert.Equal(ActivityTypesEx.InvokeResponse, reply.Type);
                var response = Assert.IsType<InvokeResponse>(((Activity)reply).Value);
                Assert.Equal(200, response.Status);
                var card = Card(Assert.IsType<AdaptiveCardInvokeResponse>(response.Body).Value);
                AssertValid(card);
                Assert.Contains("That button isn't something I recognise", Text(card), StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_question_about_a_stage_is_answered_from_the_playbook()
    {
        var discovery = _consultative.GetStage("discovery")!;

        await Chat()
            .Send("what do I do at discovery?")
            .AssertReply(CardSaying("Discovery (Consultative)", "What to do", discovery.Actions[0]))
            .StartTestAsync();
    }

    [Fact]
    public async Task Undo_puts_the_last_move_back_and_a_retried_undo_undoes_nothing_more()
    {
        var undo = _adapter.MakeActivity("undo");

        await Chat()
            .Send("new deal Contoso Ltd 45k")
            .AssertReply(CardSaying("Created Contoso Ltd"))
            .Send("move contoso to qualify")
            .AssertReply(CardSaying("Moved Contoso Ltd to Qualify."))
            .Send(undo)
            .AssertReply(CardSaying("Undid your last change to Contoso Ltd: back in Prospect (not Qualify)."))
            .Send(undo)
            .Send("my deals")
            .AssertReply(CardSaying("1 open deal", "Prospect"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Delete_asks_first_on_a_card_and_deletes_nothing_yet()
    {
        await Chat()
            .Send("new deal Contoso Ltd 45k")
            .AssertReply(CardSaying("Created Contoso Ltd"))
            .Send("delete contoso")
            .AssertReply(CardSaying("Delete Contoso Ltd?", "say \"undo\" to bring it back"))
            .Send("my deals")
            .AssertReply(CardSaying("1 open deal"))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_new_deal_named_like_an_open_one_is_asked_about_not_created()
    {
        await Chat()
            .Send("new deal Contoso Pharma 10k")
            .AssertReply(CardSaying("Created Contoso Pharma"))
            .Send("new deal Contoso Pharma 20k")
            .AssertReply(CardSaying("You already have Contoso Pharma", "Nothing was created."))
            .Send("my deals")
            .AssertReply(CardSaying("1 open deal", "10,000"))
            .StartTestAsync();
    }

    [Fact]
    public async Task An_email_to_someone_who_is_not_a_deal_is_logged_against_no_deal()
    {
        await Chat()
            .Send("new deal Contoso Ltd 45k")
            .AssertReply(CardSaying("Created Contoso Ltd"))
            .Send("sent an email to HR")
            .AssertReply(CardSaying("I couldn't find a deal called \"HR\" in your pipeline."))
            .Send("show contoso")
            .AssertReply(reply => Assert.DoesNotContain("Recent activity", Text(SingleCard([(Activity)reply])), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task How_is_a_person_is_a_question_about_a_rep_and_how_is_a_deal_shows_it()
    {
        // The same shape names a deal when one of the rep's deals is called so.
        await Chat()
            .Send("how's dana")
            .AssertReply(reply => Assert.StartsWith("You don't manage anyone yet, so there is no team to show.", ((Activity)reply).Text, StringComparison.Ordinal))
            .Send("new deal Contoso Ltd 45k")
            .AssertReply(CardSaying("Created Contoso Ltd"))
            .Send("how is contoso?")
            .AssertReply(CardSaying("Contoso Ltd", "Stage: Prospect"))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_quarter_in_a_close_date_follows_the_fiscal_year_of_the_process_file()
    {
        // The fiscal year starts in April: on 2026-11-25, Q1 is April-June 2027 (calendar Q1 would end 2027-03-31).
        using var stream = typeof(ProcessLoader).Assembly.GetManifestResourceStream("SalesCoachBot.Core.default-process.json")!;
        var process = JsonNode.Parse(stream)!.AsObject();
        process["fiscalYearStartMonth"] = 4;
        var path = Path.Combine(Path.GetTempPath(), $"process-fy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, process.ToJsonString());
        try
        {
            await using var app = new BotApp(settings: new Dictionary<string, string?> { ["SalesCoach:Process:Path"] = path });
            var (adapter, bot) = Wire(app);

            await new TestFlow(adapter, bot)
                .Send("new deal Contoso Ltd 45k")
                .AssertReply(CardSaying("Created Contoso Ltd"))
                .Send("contoso closes end of Q1")
                .AssertReply(reply => Assert.Contains("30 Jun 2027", Text(SingleCard([(Activity)reply])), StringComparison.Ordinal))
                .Send("show contoso")
                .AssertReply(reply => Assert.Contains("30 Jun 2027", Text(SingleCard([(Activity)reply])), StringComparison.Ordinal))
                .StartTestAsync();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
