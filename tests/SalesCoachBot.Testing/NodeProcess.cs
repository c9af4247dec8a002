using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Testing;

/// <summary>
/// A Node.js server the tests start and stop themselves. It is started on port 0 or a free port, and is ready when
/// a line of its output matches <c>readyPattern</c>; everything it prints is kept for the failure message.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private NodeProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>node</c> (or another program) and waits for the ready line; returns the process and the line's match.</summary>
    public static async Task<(NodeProcess Process, Match Ready)> StartAsync(
        string fileName,
        IEnumerable<string> arguments,
        Regex readyPattern,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? TestTools.Directory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var node = new NodeProcess(process);
        var ready = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (node._outputLock)
            {
                node._output.AppendLine(line);
            }

            var match = readyPattern.Match(line);
            if (match.Success)
            {
                ready.TrySetResult(match);
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{fileName} exited with code {process.ExitCode} before it was ready:\n{node.Output}"));
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {fileName}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var match = await ready.Task.WaitAsync(timeout);
            return (node, match);
        }
        catch (TimeoutException)
        {
            await node.DisposeAsync();
            throw new TimeoutException($"{fileName} was not ready within {timeout.TotalSeconds:0} s:\n{node.Output}");
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        catch (TimeoutException)
        {
            // Left to the OS; the test run is ending anyway.
        }

        _process.Dispose();
    }
}
