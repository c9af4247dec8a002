using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;

namespace SalesCoachBot.Core.Tests.Understanding;

/// <summary>The questions a new hire asks, and the coaching requests of a rep.</summary>
public class PlaybookParserTests
{
    private static readonly ParseContext _context = new(new DateOnly(2026, 11, 25), ProcessLoader.LoadDefault());

    private static Command Parse(string text) => CommandParser.Parse(text, _context);

    [Theory]
    [InlineData("how does our sales process work?", null)]
    [InlineData("How does the process work", null)]
    [InlineData("what's the enterprise process?", "enterprise")]
    [InlineData("show me the transactional process", "transactional")]
    [InlineData("process map", null)]
    [InlineData("what are the stages?", null)]
    [InlineData("explain the consultative stages", "consultative")]
    public void Asks_for_the_process_map(string text, string? model)
    {
        Assert.Equal(model, Assert.IsType<ExplainProcess>(Parse(text)).ModelPhrase);
    }

    [Theory]
    [InlineData("what do I do at discovery?", "discovery", StageTopic.Actions)]
    [InlineData("What should I do in the proposal stage", "proposal", StageTopic.Actions)]
    [InlineData("what happens during negotiation?", "negotiation", StageTopic.Actions)]
    [InlineData("exit criteria for qualify", "qualify", StageTopic.ExitCriteria)]
    [InlineData("what are the exit criteria for solution design?", "solution design", StageTopic.ExitCriteria)]
    [InlineData("what gets a deal out of qualification?", "qualification", StageTopic.ExitCriteria)]
    [InlineData("when can I move a deal out of discovery?", "discovery", StageTopic.ExitCriteria)]
    [InlineData("how long should a deal stay in proposal?", "proposal", StageTopic.Timing)]
    [InlineData("how long is negotiation", "negotiation", StageTopic.Timing)]
    [InlineData("tell me about the discovery stage", "discovery", StageTopic.Overview)]
    [InlineData("explain negotiation", "negotiation", StageTopic.Overview)]
    public void Asks_about_a_stage(string text, string stage, StageTopic topic)
    {
        var ask = Assert.IsType<ExplainStage>(Parse(text));

        Assert.Equal(stage, ask.StagePhrase);
        Assert.Equal(topic, ask.Topic);
    }

    [Theory]
    [InlineData("what tools do I use for a demo?", "demo", null)]
    [InlineData("what collateral do I use for a demo?", "demo", "collateral")]
    [InlineData("which tools for discovery", "discovery", null)]
    [InlineData("tools for qualify", "qualify", null)]
    public void Asks_which_tools_to_use(string text, string target, string? kind)
    {
        var ask = Assert.IsType<ExplainTools>(Parse(text));

        Assert.Equal(target, ask.Target);
        Assert.Equal(kind, ask.KindWord);
    }

    [Theory]
    [InlineData("what is a qualified prospect?", "qualified prospect")]
    [InlineData("what's an economic buyer", "economic buyer")]
    [InlineData("define champion", "champion")]
    [InlineData("what does SQL mean?", "SQL")]
    public void Asks_what_a_term_means(string text, string term)
    {
        Assert.Equal(term, Assert.IsType<Define>(Parse(text)).Term);
    }

    [Theory]
    [InlineData("walk me through the process", null)]
    [InlineData("Walk me through our enterprise process", "enterprise")]
    [InlineData("give me a tour of the sales process", null)]
    [InlineData("tour", null)]
    public void Starts_the_guided_tour(string text, string? model)
    {
        Assert.Equal(model, Assert.IsType<StartTour>(Parse(text)).ModelPhrase);
    }

    [Theory]
    [InlineData("what now for contoso", "contoso")]
    [InlineData("coach me on contoso", "contoso")]
    [InlineData("what's next for Contoso Ltd?", "Contoso Ltd")]
    [InlineData("next steps for contoso", "contoso")]
    [InlineData("coach contoso", "contoso")]
    public void Asks_for_coaching_on_a_deal(string text, string deal)
    {
        Assert.Equal(deal, Assert.IsType<CoachDeal>(Parse(text)).DealPhrase);
    }

    [Theory]
    [InlineData("move contoso to proposal", ExitConfirmation.Ask)]
    [InlineData("move contoso to proposal, confirmed", ExitConfirmation.AllMet)]
    [InlineData("move contoso to proposal - criteria met", ExitConfirmation.AllMet)]
    [InlineData("move contoso to proposal anyway", ExitConfirmation.Anyway)]
    public void A_move_can_say_how_the_exit_criteria_stand(string text, ExitConfirmation confirmation)
    {
        var move = Assert.IsType<MoveDeal>(Parse(text));

        Assert.Equal("proposal", move.StagePhrase);
        Assert.Equal(confirmation, move.Confirmation);
    }

    [Theory]
    [InlineData("advance contoso confirmed", ExitConfirmation.AllMet)]
    [InlineData("advance contoso", ExitConfirmation.Ask)]
    public void Advancing_can_confirm_the_exit_criteria(string text, ExitConfirmation confirmation)
    {
        Assert.Equal(confirmation, Assert.IsType<AdvanceDeal>(Parse(text)).Confirmation);
    }

    [Fact]
    public void A_next_step_with_text_is_still_a_next_step_not_coaching()
    {
        Assert.IsType<SetNextStep>(Parse("next step for contoso: send pricing"));
    }
}
