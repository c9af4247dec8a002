using System.Collections.Concurrent;
using System.Globalization;
using SalesCoachBot.Cards.Pictures;
using SalesCoachBot.Core.Process;
using SkiaSharp;

namespace SalesCoachBot.Playbook;

/// <summary>
/// Draws a selling model as a left-to-right process map: one box per open stage, then a fork to Closed Won and Closed Lost.
/// </summary>
/// <remarks>
/// Meant to be a singleton: the embedded typefaces are loaded once and only read while rendering, every other Skia object
/// lives for one render, and finished PNGs are cached per model id (the process does not change while the app runs).
/// The Linux native assets are the NoDependencies build: with the fonts embedded, no libfontconfig is needed on the host.
/// </remarks>
public sealed class ProcessMapImage(PictureFonts fonts)
{
    internal const int Height = 220;
    internal const int Margin = 16;
    internal const int StageWidth = 160;
    internal const int BoxWidth = 132;
    internal const int BoxHeight = 96;
    internal const int BoxTop = 62;
    internal const int OutcomeGap = 44;
    internal const int OutcomeWidth = 120;
    internal const int OutcomeHeight = 40;
    internal const int TextPadding = 8;

    internal static readonly SKColor Background = SKColors.White;
    internal static readonly SKColor StageColor = new(0x5B, 0x5F, 0xC7);
    internal static readonly SKColor WonColor = new(0x23, 0x7B, 0x4B);
    internal static readonly SKColor LostColor = new(0x8A, 0x88, 0x86);
    private static readonly SKColor _titleColor = new(0x24, 0x24, 0x24);
    private static readonly SKColor _captionColor = new(0x61, 0x61, 0x61);
    private static readonly SKColor _connectorColor = new(0xA8, 0xAA, 0xD8);
    private static readonly SKColor _detailColor = new(0xE4, 0xE5, 0xF7);

    // Zlib level 9 with every filter tried per row: the picture may travel inline as a data URI, so bytes matter more than CPU.
    private static readonly SKPngEncoderOptions _pngOptions = new(SKPngEncoderFilterFlags.AllFilters, 9);

    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

    /// <summary>The picture's width for a model with <paramref name="openStages"/> open stages.</summary>
    public static int WidthFor(int openStages) =>
        (2 * Margin) + (Math.Max(openStages, 0) * StageWidth) - (StageWidth - BoxWidth) + OutcomeGap + OutcomeWidth;

    /// <summary>"data:image/png;base64,…", for an Adaptive Card Image's url.</summary>
    public static string DataUri(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The model's process map as a PNG, <see cref="WidthFor"/> by 220 pixels. Each call gets its own copy.</summary>
    public byte[] RenderPng(SellingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        // A copy, so a caller that changes its bytes cannot spoil the cached picture for everyone else.
        return (byte[])_cache.GetOrAdd(model.Id, _ => Render(model)).Clone();
    }

    /// <summary>Where the box of the open stage at <paramref name="index"/> is drawn.</summary>
    internal static SKRect StageBox(int index) =>
        SKRect.Create(Margin + (index * StageWidth), BoxTop, BoxWidth, BoxHeight);

    /// <summary>Where the Closed Won (or Closed Lost) box is drawn, to the right of the last open stage.</summary>
    internal static SKRect OutcomeBox(int openStages, bool won)
    {
        var left = WidthFor(openStages) - Margin - OutcomeWidth;
        var middle = BoxTop + (BoxHeight / 2f);
        var top = won ? middle - 10 - OutcomeHeight : middle + 10;
        return SKRect.Create(left, top, OutcomeWidth, OutcomeHeight);
    }

    /// <summary>How a stage name is laid out in its box: bold, up to two lines, shrunk and then cut short to fit.</summary>
    internal TextBlock FitStageName(string name) =>
        Fit(name, fonts.Bold, maxSize: 14, minSize: 10, BoxWidth - (2 * TextPadding), maxLines: 2);

    private byte[] Render(SellingModel model)
    {
        var open = model.OpenStages;
        var width = WidthFor(open.Count);

        // Opaque, so the encoder writes RGB without an alpha channel.
        var info = new SKImageInfo(width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"Could not create a {width}x{Height} drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(Background);

        DrawTitle(canvas, model, width);
        for (var i = 0; i < open.Count; i++)
        {
            DrawStage(canvas, open[i], StageBox(i));
            if (i + 1 < open.Count)
            {
                var from = StageBox(i);
                var to = StageBox(i + 1);
                DrawArrow(canvas, [new(from.Right, from.MidY), new(to.Left, to.MidY)]);
            }
        }

        DrawOutcome(canvas, model, open.Count, won: true);
        DrawOutcome(canvas, model, open.Count, won: false);
        DrawCaption(canvas, open, width);

        canvas.Flush();
        using var pixmap = surface.PeekPixels();
        using var data = pixmap.Encode(_pngOptions)
            ?? throw new InvalidOperationException("Could not encode the process map as PNG.");
        return data.ToArray();
    }

    private void DrawTitle(SKCanvas canvas, SellingModel model, int width)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = _titleColor };
        var title = Fit($"{model.Name} selling model", fonts.Bold, 17, 12, width - (2 * Margin), maxLines: 1);
        using var font = PictureFonts.NewFont(fonts.Bold, title.Size);
        canvas.DrawText(title.Lines[0], Margin, 36, SKTextAlign.Left, font, paint);
    }

    /// <summary>A key to the numbers in the boxes, and how long the whole process may take.</summary>
    private void DrawCaption(SKCanvas canvas, IReadOnlyList<Stage> open, int width)
    {
        var text = "Each stage shows its allowed time and the chance to win from there.";
        if (open.Count > 0 && open.All(s => s.AllowedTime is not null))
        {
            var total = open.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.AllowedTime!.Value);
            text += $" {open[0].Name} to decision: up to {Replies.CoreText.Duration(total)}.";
        }

        using var paint = new SKPaint { IsAntialias = true, Color = _captionColor };
        var caption = Fit(text, fonts.Regular, 12, 9, width - (2 * Margin), maxLines: 1);
        using var font = PictureFonts.NewFont(fonts.Regular, caption.Size);
        canvas.DrawText(caption.Lines[0], Margin, Height - 26, SKTextAlign.Left, font, paint);
    }

    private void DrawStage(SKCanvas canvas, Stage stage, SKRect box)
    {
        using var fill = new SKPaint { IsAntialias = true, Color = StageColor, Style = SKPaintStyle.Fill };
        canvas.DrawRoundRect(box, 10, 10, fill);

        var inner = box.Width - (2 * TextPadding);
        var name = FitStageName(stage.Name);
        var time = stage.AllowedTime is { } allowed ? Replies.CoreText.Duration(allowed) : "no time limit";
        var details = new[]
        {
            Fit(time, fonts.Regular, 12, 9, inner, maxLines: 1),
            Fit(Percent(stage.WinProbability) + " to win", fonts.Regular, 12, 9, inner, maxLines: 1),
        };

        const float detailGap = 6;
        var height = name.Height + detailGap + details.Sum(d => d.Height);
        var top = box.MidY - (height / 2);
        top = DrawLines(canvas, name, fonts.Bold, SKColors.White, box.MidX, top) + detailGap;
        foreach (var detail in details)
        {
            top = DrawLines(canvas, detail, fonts.Regular, _detailColor, box.MidX, top);
        }
    }

    private void DrawOutcome(SKCanvas canvas, SellingModel model, int openStages, bool won)
    {
        var box = OutcomeBox(openStages, won);
        var outcome = won ? StageOutcome.Won : StageOutcome.Lost;
        var label = model.ClosingStage(outcome)?.Name ?? (won ? "Closed Won" : "Closed Lost");

        if (openStages > 0)
        {
            // The fork: out of the last stage, split, then into each outcome.
            var last = StageBox(openStages - 1);
            var split = last.Right + ((box.Left - last.Right) / 2);
            DrawArrow(canvas, [new(last.Right, last.MidY), new(split, last.MidY), new(split, box.MidY), new(box.Left, box.MidY)]);
        }

        using var fill = new SKPaint { IsAntialias = true, Color = won ? WonColor : LostColor, Style = SKPaintStyle.Fill };
        canvas.DrawRoundRect(box, OutcomeHeight / 2f, OutcomeHeight / 2f, fill);
        var text = Fit(label, fonts.Bold, 14, 9, box.Width - (2 * TextPadding), maxLines: 1);
        DrawLines(canvas, text, fonts.Bold, SKColors.White, box.MidX, box.MidY - (text.Height / 2));
    }

    private static void DrawArrow(SKCanvas canvas, SKPoint[] points)
    {
        const float head = 8;
        var end = points[^1];
        var shaftEnd = new SKPoint(end.X - head, end.Y);

        using var line = new SKPaint { IsAntialias = true, Color = _connectorColor, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        using (var path = new SKPathBuilder())
        {
            path.MoveTo(points[0]);
            for (var i = 1; i < points.Length - 1; i++)
            {
                path.LineTo(points[i]);
            }

            path.LineTo(shaftEnd);
            using var shaft = path.Detach();
            canvas.DrawPath(shaft, line);
        }

        using var fill = new SKPaint { IsAntialias = true, Color = _connectorColor, Style = SKPaintStyle.Fill };
        using var headPath = new SKPathBuilder();
        headPath.MoveTo(end);
        headPath.LineTo(end.X - head, end.Y - (head * 0.6f));
        headPath.LineTo(end.X - head, end.Y + (head * 0.6f));
        headPath.Close();
        using var triangle = headPath.Detach();
        canvas.DrawPath(triangle, fill);
    }

    /// <summary>Draws centred lines from <paramref name="top"/> and returns where the next block starts.</summary>
    private static float DrawLines(SKCanvas canvas, TextBlock block, SKTypeface typeface, SKColor color, float centreX, float top)
    {
        using var font = PictureFonts.NewFont(typeface, block.Size);
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        var metrics = font.Metrics;
        foreach (var line in block.Lines)
        {
            // Centre the glyphs' ascent and descent within the line's height.
            var baseline = top + ((block.LineHeight - (metrics.Descent - metrics.Ascent)) / 2) - metrics.Ascent;
            canvas.DrawText(line, centreX, baseline, SKTextAlign.Center, font, paint);
            top += block.LineHeight;
        }

        return top;
    }

    /// <summary>Wraps at spaces and shrinks until the text fits; at the smallest size, cuts it short with an ellipsis.</summary>
    private static TextBlock Fit(string text, SKTypeface typeface, float maxSize, float minSize, float maxWidth, int maxLines)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            words = ["–"];
        }

        for (var size = maxSize; size > minSize; size--)
        {
            using var font = PictureFonts.NewFont(typeface, size);
            var lines = Wrap(words, font, maxWidth);
            var widest = lines.Max(l => font.MeasureText(l));
            if (lines.Count <= maxLines && widest <= maxWidth)
            {
                return new TextBlock(size, lines, widest);
            }
        }

        using var smallest = PictureFonts.NewFont(typeface, minSize);
        var wrapped = Wrap(words, smallest, maxWidth);
        var kept = wrapped.Take(maxLines - 1).ToList();
        kept.Add(string.Join(' ', wrapped.Skip(maxLines - 1)));
        var cut = kept.Select(l => PictureFonts.Ellipsize(l, smallest, maxWidth)).ToList();
        return new TextBlock(minSize, cut, cut.Max(l => smallest.MeasureText(l)));
    }

    private static List<string> Wrap(string[] words, SKFont font, float maxWidth)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in words)
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length == 0 || font.MeasureText(candidate) <= maxWidth)
            {
                line = candidate;
            }
            else
            {
                lines.Add(line);
                line = word;
            }
        }

        lines.Add(line);
        return lines;
    }

    private static string Percent(decimal probability) =>
        (probability * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <param name="Width">The widest line, measured with the font it is drawn with.</param>
    internal sealed record TextBlock(float Size, IReadOnlyList<string> Lines, float Width)
    {
        public float LineHeight => MathF.Round(Size * 1.25f);

        public float Height => LineHeight * Lines.Count;
    }
}
