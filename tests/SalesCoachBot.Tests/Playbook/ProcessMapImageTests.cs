using SalesCoachBot.Cards.Pictures;
using SalesCoachBot.Core.Process;
using SkiaSharp;
using Xunit.Abstractions;
using SalesCoachBot.Playbook;

namespace SalesCoachBot.Tests.Playbook;

public sealed class ProcessMapImageTests(ITestOutputHelper output) : IDisposable
{
    private static readonly SalesProcess _process = ProcessLoader.LoadDefault();
    private readonly PictureFonts _fonts = new();
    private ProcessMapImage? _renderer;

    public static TheoryData<string> ModelIds() => new(_process.Models.Select(m => m.Id));

    private ProcessMapImage Renderer => _renderer ??= new ProcessMapImage(_fonts);

    public void Dispose() => _fonts.Dispose();

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Each_model_renders_a_png_as_wide_as_its_open_stages_need(string modelId)
    {
        var model = _process.FindModel(modelId)!;

        using var bitmap = Decode(Renderer.RenderPng(model));

        Assert.Equal(ProcessMapImage.WidthFor(model.OpenStages.Count), bitmap.Width);
        Assert.Equal(ProcessMapImage.Height, bitmap.Height);
        Assert.InRange(bitmap.Width, model.OpenStages.Count * 150, (model.OpenStages.Count + 2) * 160);
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void The_picture_shows_indigo_stages_and_a_green_won_outcome(string modelId)
    {
        var model = _process.FindModel(modelId)!;

        using var bitmap = Decode(Renderer.RenderPng(model));
        var pixels = bitmap.Pixels;

        var drawn = pixels.Count(p => p != ProcessMapImage.Background);
        Assert.True(drawn > pixels.Length / 5, $"only {drawn} of {pixels.Length} pixels are drawn");
        Assert.True(pixels.Count(p => p == ProcessMapImage.StageColor) > 1000, "no indigo stage boxes");
        Assert.True(pixels.Count(p => p == ProcessMapImage.WonColor) > 500, "no green Closed Won box");
        Assert.True(pixels.Count(p => p == ProcessMapImage.LostColor) > 500, "no Closed Lost box");
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Every_stage_box_has_text_drawn_in_it(string modelId)
    {
        var model = _process.FindModel(modelId)!;

        using var bitmap = Decode(Renderer.RenderPng(model));

        for (var i = 0; i < model.OpenStages.Count; i++)
        {
            Assert.True(WhitishPixels(bitmap, ProcessMapImage.StageBox(i)) > 40, $"no text in the box of '{model.OpenStages[i].Name}'");
        }

        Assert.True(WhitishPixels(bitmap, ProcessMapImage.OutcomeBox(model.OpenStages.Count, won: true)) > 40, "no text in Closed Won");
    }

    [Fact]
    public void Every_model_of_the_default_process_fits_in_30_KB_and_is_saved_as_an_artifact()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);

        foreach (var model in _process.Models)
        {
            var png = Renderer.RenderPng(model);
            var path = Path.Combine(folder, $"process-map-{model.Id}.png");
            File.WriteAllBytes(path, png);
            output.WriteLine($"{model.Id}: {model.OpenStages.Count} open stages, {png.Length:N0} bytes, {path}");

            Assert.True(png.Length < 30 * 1024, $"{model.Id} is {png.Length:N0} bytes");
        }
    }

    [Fact]
    public void Rendering_is_deterministic_across_instances()
    {
        var model = _process.FindModel("enterprise")!;
        using var fonts = new PictureFonts();
        var other = new ProcessMapImage(fonts);

        Assert.Equal(Renderer.RenderPng(model), other.RenderPng(model));
    }

    [Fact]
    public void A_cached_picture_cannot_be_spoiled_by_a_caller_changing_its_copy()
    {
        var model = _process.DefaultModel;
        var first = Renderer.RenderPng(model);
        var expected = (byte[])first.Clone();

        Array.Clear(first);

        Assert.Equal(expected, Renderer.RenderPng(model));
    }

    [Fact]
    public void Very_long_stage_names_are_shrunk_and_cut_to_fit_their_box()
    {
        var enterprise = _process.FindModel("enterprise")!;
        var names = new[]
        {
            "Executive Sponsor Alignment and Procurement Readiness Review Board",
            "Supercalifragilisticexpialidocious",
            "Solution Design",
        };
        var stages = enterprise.Stages
            .Select((s, i) => i < names.Length ? s with { Name = names[i] } : s)
            .ToList();
        var model = enterprise with { Id = "long-names", Name = "Very Long Names", Stages = stages };

        var png = Renderer.RenderPng(model);
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "artifacts", "process-map-long-names.png"), png);

        using var bitmap = Decode(png);
        Assert.Equal(ProcessMapImage.WidthFor(enterprise.OpenStages.Count), bitmap.Width);
        var room = ProcessMapImage.BoxWidth - (2 * ProcessMapImage.TextPadding);
        foreach (var name in names)
        {
            var block = Renderer.FitStageName(name);
            Assert.InRange(block.Lines.Count, 1, 2);
            Assert.True(block.Width <= room, $"'{string.Join(" / ", block.Lines)}' is {block.Width} px wide, the box has {room}");
        }

        Assert.Equal(["Solution", "Design"], Renderer.FitStageName("Solution Design").Lines);
        Assert.EndsWith("…", Renderer.FitStageName(names[0]).Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_uri_carries_the_png_as_base64()
    {
        var uri = ProcessMapImage.DataUri([1, 2, 3]);

        Assert.Equal("data:image/png;base64,AQID", uri);
    }

    [Fact]
    public void A_disposed_renderer_refuses_to_render()
    {
        var fonts = new PictureFonts();
        var renderer = new ProcessMapImage(fonts);
        fonts.Dispose();
        fonts.Dispose();

        Assert.Throws<ObjectDisposedException>(() => renderer.RenderPng(_process.DefaultModel));
    }

    private static SKBitmap Decode(byte[] png) =>
        SKBitmap.Decode(png) ?? throw new InvalidOperationException("The PNG does not decode.");

    private static int WhitishPixels(SKBitmap bitmap, SKRect area)
    {
        var count = 0;
        for (var y = (int)area.Top; y < (int)area.Bottom; y++)
        {
            for (var x = (int)area.Left; x < (int)area.Right; x++)
            {
                var p = bitmap.GetPixel(x, y);
                count += p.Red > 200 && p.Green > 200 && p.Blue > 200 ? 1 : 0;
            }
        }

        return count;
    }
}
