using System.Reflection;
using SalesCoachBot.Cards.Model;
using SalesCoachBot.Deals;
using SalesCoachBot.Help;
using SalesCoachBot.Replies;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Cards;

/// <summary>
/// Every card the bot can send, built from sample data, parsed by the official renderer as Teams sets it up and,
/// where the schema is present, validated against the official Adaptive Card 1.5 schema.
/// </summary>
public class CardCatalogTests
{
    [Theory]
    [MemberData(nameof(CardCatalog.All), MemberType = typeof(CardCatalog))]
    public async Task Every_card_parses_in_the_renderer_with_Teams_host_config_without_any_event(string name, AdaptiveCard card)
    {
        var problems = await AdaptiveCardRenderer.Shared.ProblemsAsync(CardJson.Serialize(card));

        Assert.True(problems.Count == 0, $"{name}:\n" + string.Join("\n", problems));
    }

    /// <summary>About what Teams accepts in one message; a card past it is not delivered.</summary>
    private const int TeamsMessageBytes = 28 * 1024;

    [Theory]
    [MemberData(nameof(CardCatalog.All), MemberType = typeof(CardCatalog))]
    public void Every_card_fits_in_one_teams_message(string name, AdaptiveCard card)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(CardJson.Serialize(card));

        Assert.True(bytes < TeamsMessageBytes, $"{name} is {bytes} bytes, over Teams' ~28 KB for one message.");
    }

    [Fact]
    public void Five_hundred_open_deals_are_paged_so_every_message_fits_and_every_deal_is_on_a_page()
    {
        var deals = CardCatalog.LargePipeline();
        var pages = PipelineCard.Pages(deals.Count);
        var shown = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var card = CardJson.Serialize(PipelineCard.Build(deals, new DateOnly(2026, 11, 25), page));
            var message = System.Text.Encoding.UTF8.GetByteCount(card) + System.Text.Encoding.UTF8.GetByteCount(PipelineCard.Summary(deals, page));
            Assert.True(message < TeamsMessageBytes, $"page {page} is {message} bytes with its summary");
            shown.AddRange(deals.Where(d => card.Contains($"\"{d.Deal.Id}\"", StringComparison.Ordinal)).Select(d => d.Deal.Id));
        }

        Assert.Equal(deals.Select(d => d.Deal.Id).Order(), shown.Order());
        Assert.Contains("my deals page 2", CardJson.Serialize(PipelineCard.Build(deals, new DateOnly(2026, 11, 25))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deal_moved_300_times_keeps_a_capped_history_and_its_card_lists_the_latest_moves()
    {
        var deal = CardCatalog.MovedOften();

        Assert.Equal(SalesCoachBot.Core.Deals.DealRules.MaxHistory, deal.History.Count);
        Assert.Null(deal.History[0].FromStageId);
        var card = CardJson.Serialize(DealCard.Build(CardCatalog.View(deal), null, CardCatalog.Process, CardCatalog.Berlin));
        Assert.Contains("more, since", card, StringComparison.Ordinal);
    }

    [SchemaTheory]
    [MemberData(nameof(CardCatalog.All), MemberType = typeof(CardCatalog))]
    public void Every_card_validates_against_the_adaptive_card_schema(string name, AdaptiveCard card)
    {
        var errors = AdaptiveCardSchema.Validate(CardJson.Serialize(card));

        Assert.True(errors.Count == 0, $"{name}:\n" + string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(CardCatalog.All), MemberType = typeof(CardCatalog))]
    public void No_button_data_has_a_key_property_which_the_agents_playground_drops(string name, AdaptiveCard card)
    {
        var data = CardJson.ToJsonObject(card).ToJsonString();

        Assert.False(data.Contains("\"key\":", StringComparison.Ordinal), name);
    }

    [Fact]
    public void The_catalog_covers_every_card_builder()
    {
        var builders = typeof(WelcomeCard).Assembly.GetTypes()
            .Where(t => t.Namespace != typeof(AdaptiveCard).Namespace && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Card", StringComparison.Ordinal))
            .Where(t => t.GetMethod("Build", BindingFlags.Public | BindingFlags.Static) is not null)
            .Select(t => t.Name)
            .Order()
            .ToList();
        var covered = new[] { "ReminderListCard", "ManagerNudgeCard", "StalledDealsCard", "WeeklySummaryCard", "CoachingCard", "ExitCheckCard", "ProcessMapCard", "StageGuideCard", "ToolsCard", "DefinitionCard", "TourCard", "WelcomeCard", "HelpCard", "NotUnderstoodCard", "NoticeCard", "PickDealCard", "DealNotFoundCard", "PipelineCard", "DealCard", "DeleteDealCard", "DuplicateDealCard", "RenameCollisionCard", "PipelineChartCard", "ExportCard", "ForecastCard", "StatsCard", "AtRiskCard", "DueCard", "TeamCard", "ProcessReportCard", "RepDealsCard", "TeamTargetsCard" }.Order().ToList();

        Assert.Equal(covered, builders);
    }

    [Fact]
    public void User_text_on_cards_cannot_become_links_or_emphasis()
    {
        var json = CardJson.Serialize(DealCard.Build(CardCatalog.View(CardCatalog.Deal("[x](https://evil.example) **Acme**")), null, CardCatalog.Process, CardCatalog.Berlin));

        Assert.Contains(@"\\[x\\](https://evil.example) \\*\\*Acme\\*\\*", json, StringComparison.Ordinal);
    }
}
