using SalesCoachBot.Cards.Pictures;
using SalesCoachBot.Insights.Charts;
using SkiaSharp;

namespace SalesCoachBot.Tests.Insights.Charts;

public sealed class ChartImageTests : IDisposable
{
    private static readonly SKColor _bar = new(0x5B, 0x5F, 0xC7);
    private static readonly SKColor _over = new(0xC4, 0x31, 0x4B);
    private static readonly SKColor _target = new(0x23, 0x7B, 0x4B);
    private readonly PictureFonts _fonts = new();
    private readonly ChartImage _renderer;

    public ChartImageTests() => _renderer = new ChartImage(_fonts);

    public void Dispose() => _fonts.Dispose();

    [Theory]
    [MemberData(nameof(ChartSamples.Names), MemberType = typeof(ChartSamples))]
    public void Each_chart_is_a_png_with_bars_or_lines_drawn(string name)
    {
        var png = _renderer.RenderPng(ChartSamples.Named(name));
        Save(name, png);

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(ChartImage.Width, bitmap.Width);
        Assert.InRange(bitmap.Height, 150, 600);
        Assert.True(bitmap.Pixels.Count(p => p == _bar) > 400, "the series colour is hardly drawn");
        Assert.InRange(png.Length, 2_000, 120_000);
    }

    [Theory]
    [MemberData(nameof(ChartSamples.Names), MemberType = typeof(ChartSamples))]
    public void The_same_data_draws_the_same_picture(string name) =>
        Assert.Equal(_renderer.RenderPng(ChartSamples.Named(name)), _renderer.RenderPng(ChartSamples.Named(name)));

    [Fact]
    public void Funnel_bars_narrow_from_the_first_stage_to_the_last()
    {
        using var bitmap = SKBitmap.Decode(_renderer.RenderPng(ChartSamples.Funnel));

        // The middle row of each bar: the number of pixels in the bar colour is its width.
        var widths = Enumerable.Range(0, ChartSamples.Funnel.Stages.Count)
            .Select(i => Enumerable.Range(0, bitmap.Width).Count(x => bitmap.GetPixel(x, 44 + (i * 42) + 15) == _bar))
            .ToList();
        Assert.Equal(widths.OrderByDescending(w => w), widths);
        Assert.True(widths[0] > 4 * widths[^1], string.Join(", ", widths));
    }

    [Fact]
    public void Stages_over_their_allowed_time_are_red_and_the_others_are_not()
    {
        using var bitmap = SKBitmap.Decode(_renderer.RenderPng(ChartSamples.StageTime));

        bool RowHas(int row, SKColor colour) => Enumerable.Range(0, bitmap.Width).Any(x => bitmap.GetPixel(x, 44 + (row * 42) + 15) == colour);
        Assert.False(RowHas(0, _over));
        Assert.True(RowHas(1, _over), "Qualify: 12 of 10 days");
        Assert.False(RowHas(2, _over));
        Assert.True(RowHas(3, _over), "Proposal: 23 of 14 days");
    }

    [Fact]
    public void The_forecast_has_its_target_line_and_none_without_a_target()
    {
        using var with = SKBitmap.Decode(_renderer.RenderPng(ChartSamples.Forecast));
        using var without = SKBitmap.Decode(_renderer.RenderPng(ChartSamples.Forecast with { Target = null, TargetText = null }));

        Assert.True(with.Pixels.Count(p => p == _target) > 200, "no green target line");
        Assert.Equal(0, without.Pixels.Count(p => p == _target));
    }

    [Fact]
    public void Empty_charts_still_draw_a_titled_picture()
    {
        foreach (var chart in new ChartData[]
        {
            new FunnelChart("Empty", []),
            new TargetChart("Empty", [], null, null),
            new TrendChart("Empty", [], []),
            new StageTimeChart("Empty", []),
        })
        {
            using var bitmap = SKBitmap.Decode(_renderer.RenderPng(chart));
            Assert.True(bitmap.Pixels.Any(p => p != SKColors.White), chart.GetType().Name);
        }
    }

    /// <summary>SALESCOACH_CHART_DIR=/some/folder keeps the pictures, to look at them.</summary>
    private static void Save(string name, byte[] png)
    {
        if (Environment.GetEnvironmentVariable("SALESCOACH_CHART_DIR") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name + ".png"), png);
        }
    }
}
