using System.Diagnostics;
using System.Text.RegularExpressions;
using SalesCoachBot.Deployment.Tests.Support;

namespace SalesCoachBot.Deployment.Tests.Infra;

/// <summary>
/// Runs the Bicep CLI from its NuGet package (Azure.Bicep.CommandLine.linux-x64, downloaded by the test project's
/// restore), so the infrastructure is checked with a pinned compiler and no network.
/// </summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(3);

    public static string Executable
    {
        get
        {
            if (!OperatingSystem.IsLinux())
            {
                throw new PlatformNotSupportedException("The Bicep CLI pinned for the tests is the linux-x64 package (Azure.Bicep.CommandLine.linux-x64).");
            }

            var path = Path.Combine(Repository.BicepPackageDirectory, "tools", "bicep");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The Bicep CLI is missing at {path}. It comes from the NuGet package Azure.Bicep.CommandLine.linux-x64, which 'dotnet restore' of this test project downloads (PackageDownload).", path);
            }

            // NuGet does not keep the executable bit on every system.
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }

            return path;
        }
    }

    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The Bicep CLI did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {_timeout}.");
        }

        return new BicepRun(string.Join(' ', arguments), process.ExitCode, await output, await error);
    }

    /// <summary>The diagnostic lines ("file(line,col) : Warning rule: message") of a run, warnings and errors alike.</summary>
    public static IReadOnlyList<string> Diagnostics(BicepRun run) =>
        (run.Output + "\n" + run.Error).Split('\n')
            .Where(line => DiagnosticLine().IsMatch(line))
            .Select(line => line.Trim())
            .ToList();

    [GeneratedRegex(@"\b(?:Warning|Error)\b")]
    private static partial Regex DiagnosticLine();
}

internal sealed record BicepRun(string Command, int ExitCode, string Output, string Error)
{
    public override string ToString() => $"bicep {Command} exited {ExitCode}\n{Output}\n{Error}";
}
