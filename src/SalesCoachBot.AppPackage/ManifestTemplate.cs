using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCoachBot.AppPackage;

/// <summary>
/// Fills the manifest template (manifest/manifest.json) for one deployment. The template is a complete manifest whose
/// deployment-specific values are placeholders; each is set here by its JSON path, never by text replacement, so a
/// value can never break the JSON or land in the wrong place.
/// </summary>
internal static class ManifestTemplate
{
    public const string ColorIconFileName = "color.png";
    public const string OutlineIconFileName = "outline.png";

    public static JsonObject Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PackageException($"The manifest template '{path}' does not exist. Give the template with --manifest, or run the tool from its build output, where manifest/manifest.json is copied.");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new PackageException($"The manifest template '{path}' is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new PackageException($"The manifest template '{path}' is not valid JSON: {e.Message}");
        }
    }

    /// <summary>A filled copy of <paramref name="template"/>; the template itself is left as it was.</summary>
    public static JsonObject Fill(JsonObject template, PackageArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(arguments);
        var manifest = template.DeepClone().AsObject();
        var appId = arguments.AppId.ToString("D");

        // With a managed identity the bot's app id is the identity's client id; using it as the Teams app id too
        // keeps one id per deployment, so uploading a new version updates the same app.
        manifest["id"] = appId;
        manifest["version"] = arguments.Version;
        var developer = Required<JsonObject>(manifest, "developer");
        developer["websiteUrl"] = arguments.WebsiteUrl.AbsoluteUri;
        developer["privacyUrl"] = arguments.PrivacyUrl.AbsoluteUri;
        developer["termsOfUseUrl"] = arguments.TermsOfUseUrl.AbsoluteUri;

        var bots = Required<JsonArray>(manifest, "bots");
        if (bots is not [JsonObject bot])
        {
            throw new PackageException("The manifest template must declare exactly one bot under \"bots\".");
        }

        bot["botId"] = appId;

        // The bot's own host is the one domain it links to (the process map pictures); nothing else is trusted.
        manifest["validDomains"] = new JsonArray(arguments.Host);
        return manifest;
    }

    /// <summary>The accent colour from the manifest, which the colour icon is drawn on so the two always match.</summary>
    public static string AccentColor(JsonObject manifest) =>
        Required<JsonValue>(manifest, "accentColor").GetValue<string>();

    private static T Required<T>(JsonObject parent, string name)
        where T : JsonNode =>
        parent[name] as T ?? throw new PackageException($"The manifest template has no \"{name}\" of the expected kind; restore it from manifest/manifest.json.");
}

/// <summary>A problem the person running the tool can fix; printed without a stack trace.</summary>
internal sealed class PackageException(string message) : Exception(message);
