using System.Reflection;

namespace SalesCoachBot.Deployment.Tests.Support;

/// <summary>Paths in the checkout and in the NuGet cache, stamped into the assembly by the project file.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string Infra => Path.Combine(Root, "infra");

    public static string ManifestTemplate => Path.Combine(Root, "manifest", "manifest.json");

    public static string BicepPackageDirectory { get; } = Metadata("BicepPackageDir");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>A folder under the system temp folder, deleted with its contents on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "salescoach-deploy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a test must not fail on cleanup.
        }
    }
}
