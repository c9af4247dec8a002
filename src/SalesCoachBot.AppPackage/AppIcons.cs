using SkiaSharp;

namespace SalesCoachBot.AppPackage;

/// <summary>
/// Draws the two icons Teams needs: color.png (192×192, full colour) and outline.png (32×32, white on transparent).
/// Both show the same mark, three rising bars under an upward arrow (a pipeline that grows), drawn from one set of
/// proportions so they stay alike at both sizes.
/// </summary>
internal static class AppIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    /// <summary>The colour icon: the mark in white on a full-bleed square of the accent colour (Teams rounds the corners itself).</summary>
    public static byte[] Color(string accentColor)
    {
        if (!SKColor.TryParse(accentColor, out var background))
        {
            throw new PackageException($"The manifest's accentColor '{accentColor}' is not a colour like #0E7A6E.");
        }

        // Opaque, whatever the template says: Teams shows the colour icon on any background.
        return Draw(ColorSize, background.WithAlpha(255), margin: 0.2f);
    }

    /// <summary>The outline icon: the mark in pure white on a transparent background, as Teams requires.</summary>
    public static byte[] Outline() => Draw(OutlineSize, SKColors.Transparent, margin: 0.06f);

    private static byte[] Draw(int size, SKColor background, float margin)
    {
        // Unpremultiplied, so every half-covered edge pixel of the outline is stored as white with partial alpha,
        // never as a grey that Teams would tint differently.
        var info = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(background);

        var inner = size * (1 - (2 * margin));
        canvas.Translate(size * margin, size * margin);
        canvas.Scale(inner);

        using var fill = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Fill };
        // Three bars rising left to right, on the bottom 55% of the square.
        foreach (var (left, top) in new[] { (0.04f, 0.74f), (0.38f, 0.58f), (0.72f, 0.42f) })
        {
            canvas.DrawRect(SKRect.Create(left, top, 0.24f, 1 - top), fill);
        }

        // The arrow climbing above them, ending in a solid head at the top right.
        using var stroke = new SKPaint
        {
            Color = SKColors.White,
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 0.1f,
            StrokeCap = SKStrokeCap.Round,
            StrokeJoin = SKStrokeJoin.Round,
        };
        using (var trend = new SKPathBuilder())
        {
            trend.MoveTo(0.06f, 0.52f);
            trend.LineTo(0.36f, 0.28f);
            trend.LineTo(0.54f, 0.38f);
            trend.LineTo(0.8f, 0.14f);
            using var line = trend.Detach();
            canvas.DrawPath(line, stroke);
        }

        using (var head = new SKPathBuilder())
        {
            head.MoveTo(1f, 0f);
            head.LineTo(0.62f, 0.04f);
            head.LineTo(0.96f, 0.38f);
            head.Close();
            using var triangle = head.Detach();
            canvas.DrawPath(triangle, fill);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
