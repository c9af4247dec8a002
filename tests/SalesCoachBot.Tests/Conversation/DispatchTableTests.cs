using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Conversation;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Tests.Support;

namespace SalesCoachBot.Tests.Conversation;

/// <summary>Every command the parser can produce and every button the cards carry reaches exactly one handler.</summary>
public sealed class DispatchTableTests : IDisposable
{
    private readonly BotApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public void Every_parsed_command_has_a_handler_in_the_bots_table()
    {
        var table = _app.Services.GetRequiredService<DispatchTable>();
        var commands = typeof(Command).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Command)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order()
            .ToList();

        Assert.Equal(commands, table.Commands.Select(t => t.Name).Order().ToList());
    }

    [Fact]
    public void Every_card_verb_has_a_handler_except_the_two_the_router_reads_itself()
    {
        var table = _app.Services.GetRequiredService<DispatchTable>();
        var verbs = typeof(CardVerbs).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && !f.Name.EndsWith("Prefix", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Except([CardVerbs.PickDeal, CardVerbs.Say])
            .Order()
            .ToList();

        Assert.Equal(verbs, table.Verbs.Order().ToList());
    }

    [Fact]
    public void A_second_handler_for_the_same_command_is_refused_when_the_table_is_built()
    {
        var table = new DispatchTable().On<ShowHelp>((_, _, _) => Task.FromResult(BotReply.Plain("help")));

        var error = Assert.Throws<InvalidOperationException>(() => table.On<ShowHelp>((_, _, _) => Task.FromResult(BotReply.Plain("again"))));
        Assert.Contains("ShowHelp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_handler_for_the_same_card_verb_is_refused_when_the_table_is_built()
    {
        var table = new DispatchTable().OnVerb(CardVerbs.Coach, (_, _, _) => Task.FromResult(BotReply.Plain("coach")));

        Assert.Throws<InvalidOperationException>(() => table.OnVerb(CardVerbs.Coach, (_, _, _) => Task.FromResult(BotReply.Plain("again"))));
    }
}
