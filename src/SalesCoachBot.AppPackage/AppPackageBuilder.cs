using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SalesCoachBot.AppPackage;

/// <summary>Writes the upload zip: manifest.json and the two icons, at the root of the archive as Teams requires.</summary>
internal static class AppPackageBuilder
{
    public const string ManifestFileName = "manifest.json";

    // Relaxed escaping keeps quotes and apostrophes readable for an admin who opens the manifest; it is a file, not HTML.
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Build(PackageArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var manifest = ManifestTemplate.Fill(ManifestTemplate.Load(arguments.TemplatePath), arguments);
        var color = AppIcons.Color(ManifestTemplate.AccentColor(manifest));
        var outline = AppIcons.Outline();

        var folder = Path.GetDirectoryName(arguments.OutputPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Written to a temporary file first, so a failed run never leaves a half-written package to be uploaded.
        var temporary = arguments.OutputPath + ".tmp";
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            Add(zip, ManifestFileName, JsonSerializer.SerializeToUtf8Bytes(manifest, _indented));
            Add(zip, ManifestTemplate.ColorIconFileName, color);
            Add(zip, ManifestTemplate.OutlineIconFileName, outline);
        }

        File.Move(temporary, arguments.OutputPath, overwrite: true);
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }
}
