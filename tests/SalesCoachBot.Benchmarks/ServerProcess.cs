using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// One bot server in a process of its own (so its CPU time and memory are its own), started from its build output
/// in the Production environment with warning-level logging (or the levels its appsettings.json ships with), on
/// 127.0.0.1. Counts what it writes to the console, for the log volume the soak states.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly bool _echoEveryLine;
    private long _outputBytes;
    private long _outputLines;
    private long _errorLines;

    private ServerProcess(Process process, Uri address, DateTimeOffset started, bool echoEveryLine)
    {
        _process = process;
        Address = address;
        Started = started;
        _echoEveryLine = echoEveryLine;
    }

    public Uri Address { get; }

    public DateTimeOffset Started { get; }

    public int Id => _process.Id;

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    /// <summary>The build output of <paramref name="project"/> (a folder under the repository) in this build's configuration.</summary>
    public static string AssemblyOf(string project, string name) =>
        Path.Combine(RepositoryRoot, project, "bin", Metadata("Configuration"), "net10.0", name + ".dll");

    /// <summary>Bytes the server has written to stdout and stderr so far (UTF-8, a newline per line).</summary>
    public long OutputBytes => Interlocked.Read(ref _outputBytes);

    public long OutputLines => Interlocked.Read(ref _outputLines);

    /// <summary>Log entries at Error or Critical (the console logger starts them with "fail:" or "crit:").</summary>
    public long ErrorLines => Interlocked.Read(ref _errorLines);

    /// <param name="productionLogging">
    /// Keep the log levels of the server's appsettings.json, as deployed, instead of warnings only; then only warnings
    /// and errors are copied to this process's stderr (all lines are counted).
    /// </param>
    public static ServerProcess Start(string assembly, IReadOnlyDictionary<string, string> settings, bool productionLogging = false)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly },
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        if (!productionLogging)
        {
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var started = DateTimeOffset.UtcNow;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");

        // Warnings and errors go to the console; read them so the server never blocks on a full pipe.
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), started, echoEveryLine: !productionLogging);
        process.OutputDataReceived += (_, e) => server.Forward(e.Data);
        process.ErrorDataReceived += (_, e) => server.Forward(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>CPU time the server has used so far (user and system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Resident memory now and at its peak, in bytes (Linux: VmRSS and VmHWM).</summary>
    public (long Now, long Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status");
        return (Kilobytes(status, "VmRSS:") * 1024, Kilobytes(status, "VmHWM:") * 1024);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static long Kilobytes(string[] status, string field) =>
        long.Parse(status.First(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private void Forward(string? line)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Add(ref _outputBytes, System.Text.Encoding.UTF8.GetByteCount(line) + 1);
        Interlocked.Increment(ref _outputLines);
        var serious = line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
        if (serious)
        {
            Interlocked.Increment(ref _errorLines);
        }

        if (!string.IsNullOrWhiteSpace(line) && (_echoEveryLine || serious || line.StartsWith("warn:", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine($"  [server] {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Metadata(string key) =>
        typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
