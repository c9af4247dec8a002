using System.Diagnostics;
using System.Globalization;
using SalesCoachBot.Deployment.Tests.Support;

namespace SalesCoachBot.Deployment.Tests.AppPackage;

/// <summary>The one command an admin runs to get the Teams upload zip, and what lands in it.</summary>
public sealed class AppPackageCommandTests
{
    [Fact]
    public void The_package_holds_the_manifest_and_both_icons_at_its_root()
    {
        using var run = PackageRun.Valid();

        Assert.Equal(["color.png", "manifest.json", "outline.png"], run.Entries().Keys.Order(StringComparer.Ordinal));
        Assert.Contains(run.ZipPath, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_id_and_host_are_filled_in_everywhere_teams_reads_them()
    {
        using var run = PackageRun.Valid();
        var manifest = run.Manifest();

        Assert.Equal(PackageRun.AppId, (string?)manifest["id"]);
        Assert.Equal(PackageRun.AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal([PackageRun.Host], manifest["validDomains"]!.AsArray().Select(d => (string)d!));
        Assert.Equal($"https://{PackageRun.Host}/", (string?)manifest["developer"]!["websiteUrl"]);
        Assert.Equal("1.0.0", (string?)manifest["version"]);
    }

    [Fact]
    public void No_placeholder_of_the_template_is_left_in_the_package()
    {
        using var run = PackageRun.Valid();
        var text = System.Text.Encoding.UTF8.GetString(run.Entries()["manifest.json"]);

        Assert.DoesNotContain("00000000-0000-0000-0000-000000000000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.invalid", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_packaged_manifest_validates_against_the_official_schema()
    {
        using var run = PackageRun.Valid("--version", "2.3.14", "--privacy-url", "https://contoso.com/privacy");

        var errors = TeamsManifestSchema.Validate(run.Manifest());

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Version_and_developer_pages_can_be_given()
    {
        using var run = PackageRun.Valid("--version", "2.3.14", "--privacy-url", "https://contoso.com/privacy", "--terms-url", "https://contoso.com/terms");
        var manifest = run.Manifest();

        Assert.Equal("2.3.14", (string?)manifest["version"]);
        Assert.Equal("https://contoso.com/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal("https://contoso.com/terms", (string?)manifest["developer"]!["termsOfUseUrl"]);
    }

    [Fact]
    public void The_color_icon_is_a_192_pixel_opaque_png_on_the_manifests_accent_color()
    {
        using var run = PackageRun.Valid();
        var icon = Picture.Decode(run.Entries()["color.png"]);
        var accent = (string)run.Manifest()["accentColor"]!;

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.Equal(SkiaSharp.SKEncodedImageFormat.Png, icon.Format);
        Assert.All(icon.Pixels(), p => Assert.Equal(255, p.A));
        var corner = icon.At(0, 0);
        Assert.Equal(accent.ToUpperInvariant(), string.Create(CultureInfo.InvariantCulture, $"#{corner.R:X2}{corner.G:X2}{corner.B:X2}"));
        // The white mark covers a real part of the icon, not a stray pixel.
        Assert.InRange(icon.Pixels().Count(p => p is { R: 255, G: 255, B: 255 }), 192 * 192 / 10, 192 * 192 / 2);
    }

    [Fact]
    public void The_outline_icon_is_a_32_pixel_png_of_pure_white_on_transparent()
    {
        using var run = PackageRun.Valid();
        var icon = Picture.Decode(run.Entries()["outline.png"]);

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.Equal(SkiaSharp.SKEncodedImageFormat.Png, icon.Format);
        // Teams tints the outline itself: every visible pixel must be white, at any coverage.
        Assert.All(icon.Pixels().Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.All(new[] { icon.At(0, 0), icon.At(31, 0), icon.At(0, 31) }, p => Assert.Equal(0, p.A));
        var opaque = icon.Pixels().Count(p => p.A == 255);
        var transparent = icon.Pixels().Count(p => p.A == 0);
        Assert.InRange(opaque, 32 * 32 / 10, 32 * 32 / 2);
        Assert.True(transparent > 32 * 32 / 3, $"only {transparent} transparent pixels: the background must be transparent");
    }

    [Theory]
    [InlineData(new[] { "--host", PackageRun.Host }, "--app-id is required")]
    [InlineData(new[] { "--app-id", PackageRun.AppId }, "--host is required")]
    [InlineData(new[] { "--app-id", "salescoach-bot", "--host", PackageRun.Host }, "--app-id 'salescoach-bot' is not a GUID")]
    [InlineData(new[] { "--app-id", "00000000-0000-0000-0000-000000000000", "--host", PackageRun.Host }, "empty GUID")]
    [InlineData(new[] { "--app-id", PackageRun.AppId, "--host", "https://bot.azurewebsites.net/api/messages" }, "without a scheme: give 'bot.azurewebsites.net'")]
    [InlineData(new[] { "--app-id", PackageRun.AppId, "--host", "bot.azurewebsites.net/api" }, "without a path, port or query")]
    [InlineData(new[] { "--app-id", PackageRun.AppId, "--host", "bot.azurewebsites.net:443" }, "without a path, port or query")]
    [InlineData(new[] { "--app-id", PackageRun.AppId, "--host", "bot_1.azurewebsites.net" }, "is not a valid host name")]
    [InlineData(new[] { "--app-id", PackageRun.AppId, "--host", "localhost" }, "not a public, fully qualified host name")]
    [InlineData(new[] { "--app-id", PackageRun.AppId, "--host", PackageRun.Host, "--version", "1.0" }, "--version '1.0' must be three numbers")]
    [InlineData(new[] { "--app-id", PackageRun.AppId, "--host", PackageRun.Host, "--out", "{temp}/package.json" }, "must name a .zip file")]
    [InlineData(new[] { "--app-id", PackageRun.AppId, "--host", PackageRun.Host, "--privacy-url", "http://contoso.com/privacy" }, "--privacy-url 'http://contoso.com/privacy' must be an absolute https:// address")]
    [InlineData(new[] { "--app-id", PackageRun.AppId, "--host", PackageRun.Host, "--colour", "red" }, "Unknown argument '--colour'")]
    [InlineData(new[] { "--app-id", PackageRun.AppId, "--host" }, "--host needs a value")]
    public void Bad_arguments_are_refused_with_a_message_that_says_what_to_give(string[] args, string message)
    {
        using var run = PackageRun.With([.. args, .. args.Contains("--out") ? Array.Empty<string>() : ["--out", "{temp}/salescoach-teams.zip"]]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(run.Folder));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        using var run = PackageRun.With("--app-id", "nope", "--host", "http://x.example.com", "--version", "v1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--app-id 'nope'", run.Error, StringComparison.Ordinal);
        Assert.Contains("--host 'http://x.example.com'", run.Error, StringComparison.Ordinal);
        Assert.Contains("--version 'v1'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_is_taken_case_insensitively_and_with_the_equals_form()
    {
        using var upper = PackageRun.With($"--app-id={PackageRun.AppId}", "--host=SalesCoach-Web-ABC123.AzureWebsites.net", "--out={temp}/salescoach-teams.zip");

        Assert.Equal([PackageRun.Host], upper.Manifest()["validDomains"]!.AsArray().Select(d => (string)d!));
    }

    [Fact]
    public void A_missing_template_fails_with_its_path_and_writes_nothing()
    {
        using var run = PackageRun.Valid("--manifest", "{temp}/nowhere/manifest.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{run.Folder}/nowhere/manifest.json' does not exist", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(run.ZipPath));
    }

    [Fact]
    public void Help_lists_the_options()
    {
        using var run = PackageRun.With("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--app-id <guid>", run.Output, StringComparison.Ordinal);
        Assert.Contains("--host <host name>", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_tool_builds_the_package_from_its_own_build_output()
    {
        // The same command an admin runs, as a process: the template must be found beside the tool, wherever it is run from.
        using var temp = new TempFolder();
        var tool = Path.Combine(AppContext.BaseDirectory, "SalesCoachBot.AppPackage.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = temp.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { tool, "--app-id", PackageRun.AppId, "--host", PackageRun.Host })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"{output}\n{await error}");
        Assert.True(File.Exists(Path.Combine(temp.Path, "artifacts", "salescoach-teams.zip")), output);
    }
}
