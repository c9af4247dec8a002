using System.Reflection;

namespace SalesCoachBot.Testing;

/// <summary>Where the test-side Node tools live (tests/tools, installed by this project's build with npm ci).</summary>
public static class TestTools
{
    public static string Directory { get; } =
        typeof(TestTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestToolsDir").Value!;

    public static string NodeModules => Path.Combine(Directory, "node_modules");

    /// <summary>A file of an installed npm package, with a clear failure when the install is missing.</summary>
    public static string PackageFile(string package, string relativePath)
    {
        var path = Path.Combine(NodeModules, package, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing. The test build installs tests/tools with 'npm ci'; run 'npm ci' in {Directory} (needs Node.js 20+ and npm).", path);
        }

        return path;
    }
}
