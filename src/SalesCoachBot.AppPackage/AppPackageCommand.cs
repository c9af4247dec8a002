namespace SalesCoachBot.AppPackage;

/// <summary>The command line: parse, build, say what was written. Exit codes: 0 built, 1 could not build, 2 bad arguments.</summary>
internal static class AppPackageCommand
{
    public const int Built = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    public static string DefaultTemplatePath => Path.Combine(AppContext.BaseDirectory, "manifest", "manifest.json");

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = PackageArguments.Parse(args, DefaultTemplatePath);
        if (parsed.ShowHelp)
        {
            output.WriteLine(PackageArguments.Usage);
            return Built;
        }

        if (parsed.Arguments is not { } arguments)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"error: {problem}");
            }

            error.WriteLine("Run with --help for the options.");
            return BadArguments;
        }

        try
        {
            AppPackageBuilder.Build(arguments);
        }
        catch (Exception e) when (e is PackageException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return Failed;
        }

        output.WriteLine($"Wrote {arguments.OutputPath}");
        output.WriteLine($"  app id {arguments.AppId:D}, host {arguments.Host}, version {arguments.Version}");
        output.WriteLine("Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center.");
        return Built;
    }
}
