using BenchmarkDotNet.Attributes;
using SalesCoachBot.Bot;
using SalesCoachBot.Cards.Model;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Understanding;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// The bot's own work in a turn, without the SDK and the store: understanding a message, finding the deal among a big
/// pipeline, building and serializing the main cards, and turning a card into the Bot Framework attachment.
/// </summary>
/// <remarks>
/// In process: BenchmarkDotNet's generated project would inherit the repository's build rules (analyzers, warnings as
/// errors) and the hand-referenced Bot Framework dlls (build/BotFramework.props), and does not build.
/// </remarks>
[MemoryDiagnoser]
[InProcess]
public class MicroBenchmarks
{
    private static readonly DateTimeOffset _now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private ParseContext _parse = null!;
    private List<Deal> _deals = null!;
    private DealView _view = null!;
    private List<DealView> _pipeline = null!;
    private AdaptiveCard _dealCard = null!;

    [GlobalSetup]
    public void SetUp()
    {
        var today = DateOnly.FromDateTime(_now.UtcDateTime);
        _parse = new ParseContext(today, _process);
        var model = _process.FindModel("consultative")!;
        var owner = new OwnerKey("t1", "dana");
        _deals = Enumerable.Range(0, 500)
            .Select(i => DealRules.Create(owner, $"Customer {i} {(i % 7 == 0 ? "Holdings" : "Ltd")}", new Money(1000 * (i + 1), "USD"), model, _now, new Actor("Dana", $"a{i}")).Deal!)
            .ToList();
        _view = DealView.For(_deals[250], _process, _now, today);
        _pipeline = _deals.Take(25).Select(d => DealView.For(d, _process, _now, today)).ToList();
        _dealCard = DealCard.Build(_view, "Moved Customer 250 Ltd to Qualify.", _process, TimeZoneInfo.Utc);
    }

    [Benchmark]
    [Arguments("move contoso to proposal")]
    [Arguments("next step for contoso: send pricing by friday")]
    [Arguments("how am I doing this quarter?")]
    public Command Parse(string text) => CommandParser.Parse(text, _parse);

    [Benchmark]
    public NameMatch<Deal> Resolve_a_deal_among_500() => DealNameMatcher.Match("customer 250", _deals, d => d.Name);

    [Benchmark]
    public string Deal_card() => CardJson.Serialize(DealCard.Build(_view, "Moved Customer 250 Ltd to Qualify.", _process, TimeZoneInfo.Utc));

    [Benchmark]
    public string Pipeline_card_of_25_deals() => CardJson.Serialize(PipelineCard.Build(_pipeline, DateOnly.FromDateTime(_now.UtcDateTime)));

    [Benchmark]
    public string Coaching_card() =>
        CardJson.Serialize(CoachingCard.Build(_view, null, [], TimeZoneInfo.Utc, DateOnly.FromDateTime(_now.UtcDateTime), "act-1"));

    [Benchmark]
    public object Deal_card_as_a_Bot_Framework_attachment() => ReplyActivity.ToAttachment(_dealCard, "fallback").Content;
}
