using System.Text.RegularExpressions;

namespace SalesCoachBot.AppPackage;

/// <summary>What the package is built from: the command line, read and checked in one place.</summary>
/// <param name="AppId">The bot's Microsoft app id (with a managed identity: its client id). Also the Teams app id.</param>
/// <param name="Host">The web app's bare host name, e.g. salescoach-web-abc123.azurewebsites.net.</param>
/// <param name="Version">The app version Teams shows and compares on update: MAJOR.MINOR.PATCH.</param>
internal sealed partial record PackageArguments(
    Guid AppId,
    string Host,
    string Version,
    string OutputPath,
    string TemplatePath,
    Uri WebsiteUrl,
    Uri PrivacyUrl,
    Uri TermsOfUseUrl)
{
    public const string DefaultOutputPath = "artifacts/salescoach-teams.zip";
    public const string DefaultVersion = "1.0.0";

    public const string Usage = """
        Builds the Sales Coach Teams app package (a zip to upload to Teams).

        Usage:
          dotnet run --project src/SalesCoachBot.AppPackage -- --app-id <guid> --host <bot host> [options]

        Required:
          --app-id <guid>        The bot's Microsoft app id: the managed identity's client id
                                 (the deployment's botAppId output).
          --host <host name>     The web app's host name, without https://
                                 (the deployment's webAppHostName output).
        Options:
          --version <x.y.z>      The app version; raise it for every upload of a changed package. Default 1.0.0.
          --out <file.zip>       Where to write the package. Default artifacts/salescoach-teams.zip.
          --manifest <file>      The manifest template. Default: manifest/manifest.json beside this tool.
          --website-url <url>    Support page shown in Teams. Default https://<host>/.
          --privacy-url <url>    Privacy statement shown in Teams. Default https://<host>/.
          --terms-url <url>      Terms of use shown in Teams. Default https://<host>/.
          --help                 This text.
        """;

    private static readonly string[] _options =
        ["--app-id", "--host", "--version", "--out", "--manifest", "--website-url", "--privacy-url", "--terms-url"];

    /// <summary>Reads the arguments; every problem is reported at once, each naming the option and what to give instead.</summary>
    public static ParseResult Parse(IReadOnlyList<string> args, string defaultTemplatePath)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                return new ParseResult(null, [], ShowHelp: true);
            }

            // "--host=x" reads like "--host x": both are common habits.
            var (name, inline) = arg.Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (arg, null);
            if (!_options.Contains(name, StringComparer.Ordinal))
            {
                errors.Add($"Unknown argument '{arg}'. Run with --help for the options.");
                continue;
            }

            var value = inline;
            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    errors.Add($"{name} needs a value.");
                    continue;
                }

                value = args[++i];
            }

            if (!values.TryAdd(name, value))
            {
                errors.Add($"{name} is given more than once.");
            }
        }

        var appId = ReadAppId(values.GetValueOrDefault("--app-id"), errors);
        var host = ReadHost(values.GetValueOrDefault("--host"), errors);
        var version = ReadVersion(values.GetValueOrDefault("--version") ?? DefaultVersion, errors);
        var output = values.GetValueOrDefault("--out") ?? DefaultOutputPath;
        if (!output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"--out '{output}' must name a .zip file: Teams uploads only zip packages.");
        }

        var template = values.GetValueOrDefault("--manifest") ?? defaultTemplatePath;
        var hostRoot = host is null ? null : new Uri($"https://{host}/");
        var website = ReadUrl("--website-url", values.GetValueOrDefault("--website-url"), hostRoot, errors);
        var privacy = ReadUrl("--privacy-url", values.GetValueOrDefault("--privacy-url"), hostRoot, errors);
        var terms = ReadUrl("--terms-url", values.GetValueOrDefault("--terms-url"), hostRoot, errors);

        if (errors.Count > 0 || appId is null || host is null || website is null || privacy is null || terms is null)
        {
            return new ParseResult(null, errors, ShowHelp: false);
        }

        var arguments = new PackageArguments(appId.Value, host, version, Path.GetFullPath(output), Path.GetFullPath(template), website, privacy, terms);
        return new ParseResult(arguments, [], ShowHelp: false);
    }

    private static Guid? ReadAppId(string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("--app-id is required: the bot's Microsoft app id, a GUID (the deployment's botAppId output).");
            return null;
        }

        // Only the plain 8-4-4-4-12 form: it is what the portal and az show, and what the manifest schema accepts.
        if (!Guid.TryParseExact(value.Trim(), "D", out var id))
        {
            errors.Add($"--app-id '{value}' is not a GUID. Give it as 8-4-4-4-12 hex digits, e.g. 2f7a3c1e-5b6d-4e8f-9a0b-1c2d3e4f5a6b.");
            return null;
        }

        if (id == Guid.Empty)
        {
            errors.Add("--app-id is the empty GUID, a placeholder, not an app id. Give the bot's real app id (the deployment's botAppId output).");
            return null;
        }

        return id;
    }

    private static string? ReadHost(string? value, List<string> errors)
    {
        const string Example = "e.g. salescoach-web-abc123.azurewebsites.net (the deployment's webAppHostName output)";
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"--host is required: the bot's host name, {Example}.");
            return null;
        }

        var host = value.Trim().ToLowerInvariant();
        if (host.Contains("://", StringComparison.Ordinal))
        {
            var bare = host[(host.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/', ':')[0];
            errors.Add($"--host '{value}' must be a bare host name, without a scheme: give '{bare}'.");
            return null;
        }

        if (host.IndexOfAny(['/', ':', '?', '#', '@', ' ']) >= 0)
        {
            errors.Add($"--host '{value}' must be a bare host name, without a path, port or query: {Example}.");
            return null;
        }

        if (Uri.CheckHostName(host) != UriHostNameType.Dns || host.Length > 253 || !HostPattern().IsMatch(host))
        {
            errors.Add($"--host '{value}' is not a valid host name (letters, digits and hyphens in dot-separated labels), {Example}.");
            return null;
        }

        // Teams reaches the bot over the internet, and validDomains takes only fully qualified names.
        if (!host.Contains('.', StringComparison.Ordinal))
        {
            errors.Add($"--host '{value}' is not a public, fully qualified host name that Teams can reach, {Example}.");
            return null;
        }

        return host;
    }

    private static string ReadVersion(string value, List<string> errors)
    {
        // Teams compares versions as MAJOR.MINOR.PATCH numbers to decide whether an upload is an update.
        if (!VersionPattern().IsMatch(value))
        {
            errors.Add($"--version '{value}' must be three numbers MAJOR.MINOR.PATCH without leading zeros, e.g. 1.0.0 or 1.2.10.");
        }

        return value;
    }

    private static Uri? ReadUrl(string option, string? value, Uri? fallback, List<string> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{option} '{value}' must be an absolute https:// address.");
            return null;
        }

        return url;
    }

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}

/// <summary>The parsed arguments, or the problems found; <see cref="ShowHelp"/> when usage was asked for.</summary>
internal sealed record ParseResult(PackageArguments? Arguments, IReadOnlyList<string> Errors, bool ShowHelp);
