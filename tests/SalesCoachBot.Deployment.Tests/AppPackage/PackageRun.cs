using System.IO.Compression;
using System.Text.Json.Nodes;
using SalesCoachBot.AppPackage;
using SalesCoachBot.Deployment.Tests.Support;
using SkiaSharp;

namespace SalesCoachBot.Deployment.Tests.AppPackage;

/// <summary>One run of the app package command, in process, writing into its own temp folder.</summary>
internal sealed class PackageRun : IDisposable
{
    public const string AppId = "2f7a3c1e-5b6d-4e8f-9a0b-1c2d3e4f5a6b";
    public const string Host = "salescoach-web-abc123.azurewebsites.net";

    private readonly TempFolder _temp = new();

    private PackageRun(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        ExitCode = AppPackageCommand.Run(args.Select(a => a.Replace("{temp}", _temp.Path, StringComparison.Ordinal)).ToArray(), output, error);
        Output = output.ToString();
        Error = error.ToString();
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public string ZipPath => _temp.File("salescoach-teams.zip");

    public string Folder => _temp.Path;

    /// <summary>Runs with the given arguments; "{temp}" in them stands for the run's temp folder.</summary>
    public static PackageRun With(params string[] args) => new(args);

    /// <summary>Runs with a valid app id and host, writing to the temp folder, plus <paramref name="more"/>.</summary>
    public static PackageRun Valid(params string[] more) =>
        new(["--app-id", AppId, "--host", Host, "--out", "{temp}/salescoach-teams.zip", .. more]);

    public Dictionary<string, byte[]> Entries()
    {
        Assert.True(ExitCode == 0, $"The package command failed ({ExitCode}): {Error}");
        using var zip = ZipFile.OpenRead(ZipPath);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public JsonObject Manifest() => JsonNode.Parse(Entries()["manifest.json"])!.AsObject();

    public void Dispose() => _temp.Dispose();
}

/// <summary>A decoded PNG: its size and its pixels as unpremultiplied RGBA, so white at half coverage reads as white.</summary>
internal sealed record Picture(int Width, int Height, SKEncodedImageFormat Format, byte[] Rgba)
{
    public static Picture Decode(byte[] encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new InvalidOperationException("Not an image SkiaSharp can read.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        Assert.Equal(SKCodecResult.Success, result);
        return new Picture(info.Width, info.Height, codec.EncodedFormat, bitmap.GetPixelSpan().ToArray());
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var i = 0; i < Rgba.Length; i += 4)
        {
            yield return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    public (byte R, byte G, byte B, byte A) At(int x, int y)
    {
        var i = ((y * Width) + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }
}
