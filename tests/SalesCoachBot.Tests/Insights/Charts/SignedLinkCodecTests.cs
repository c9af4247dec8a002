using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Insights.Charts;

namespace SalesCoachBot.Tests.Insights.Charts;

public sealed class SignedLinkCodecTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void A_chart_link_opens_to_the_very_chart_it_was_made_for()
    {
        var codec = new SignedLinkCodec(_keys, _time, "chart");
        var token = codec.Seal(new ChartLinkPayload(ChartSamples.Trend, "t1", "dana"), TimeSpan.FromHours(1));

        var opened = codec.Open<ChartLinkPayload>(token);

        Assert.Equal(LinkState.Valid, opened.State);
        var trend = Assert.IsType<TrendChart>(opened.Payload!.Chart);
        Assert.Equal(ChartSamples.Trend.Weeks, trend.Weeks);
        Assert.Equal(ChartSamples.Trend.Series[1].Values, trend.Series[1].Values);
        Assert.Equal("dana", opened.Payload.UserId);
    }

    [Fact]
    public void The_link_carries_no_readable_figure_or_name_and_two_links_for_the_same_chart_differ()
    {
        var codec = new SignedLinkCodec(_keys, _time, "chart");
        var first = codec.Seal(new ChartLinkPayload(ChartSamples.Funnel, "t1", "dana"), TimeSpan.FromHours(1));
        var second = codec.Seal(new ChartLinkPayload(ChartSamples.Funnel, "t1", "dana"), TimeSpan.FromHours(1));

        Assert.DoesNotContain("dana", first, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Prospect", first, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(first, second);
        Assert.True(first.Length < 1500, $"{first.Length} characters");
    }

    [Fact]
    public void A_link_stops_working_when_it_expires()
    {
        var codec = new SignedLinkCodec(_keys, _time, "export");
        var token = codec.Seal(new ChartLinkPayload(ChartSamples.Funnel, "t1", "dana"), TimeSpan.FromMinutes(15));

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(LinkState.Valid, codec.Open<ChartLinkPayload>(token).State);
        _time.Advance(TimeSpan.FromMinutes(1));
        var expired = codec.Open<ChartLinkPayload>(token);
        Assert.Equal(LinkState.Expired, expired.State);
        Assert.Null(expired.Payload);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-1)]
    public void A_changed_character_anywhere_makes_the_link_invalid(int position)
    {
        var codec = new SignedLinkCodec(_keys, _time, "chart");
        var token = codec.Seal(new ChartLinkPayload(ChartSamples.Funnel, "t1", "dana"), TimeSpan.FromHours(1));
        var index = position < 0 ? token.Length + position : position;
        var changed = token[..index] + (token[index] == 'A' ? 'B' : 'A') + token[(index + 1)..];

        Assert.Equal(LinkState.Invalid, codec.Open<ChartLinkPayload>(changed).State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-link")]
    [InlineData("%%%")]
    public void Made_up_links_are_invalid(string token) =>
        Assert.Equal(LinkState.Invalid, new SignedLinkCodec(_keys, _time, "chart").Open<ChartLinkPayload>(token).State);

    [Fact]
    public void A_link_for_one_purpose_or_from_another_key_ring_does_not_open()
    {
        var token = new SignedLinkCodec(_keys, _time, "chart").Seal(new ChartLinkPayload(ChartSamples.Funnel, "t1", "dana"), TimeSpan.FromHours(1));

        Assert.Equal(LinkState.Invalid, new SignedLinkCodec(_keys, _time, "export").Open<ChartLinkPayload>(token).State);
        Assert.Equal(LinkState.Invalid, new SignedLinkCodec(new EphemeralDataProtectionProvider(), _time, "chart").Open<ChartLinkPayload>(token).State);
        Assert.Equal(LinkState.Invalid, new SignedLinkCodec(_keys, _time, "chart").Open<ChartLinkPayload>(new string('A', SignedLinkCodec.MaxTokenLength + 1)).State);
    }
}
