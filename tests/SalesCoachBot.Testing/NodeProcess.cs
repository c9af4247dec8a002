using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Testing;

/// <summary>
/// A Node.js server the tests start and stop themselves. It is started on port 0 or a free port, and is ready when
/// a line of its output matches <c>readyPattern</c>; everything it prints is kept for the failure message.
/// A process that answers requests (JSON lines on stdin and stdout) is started with an <c>onAnswer</c> callback: it
/// then gets what <see cref="WriteLine"/> sends, and its stdout lines after the ready line go to the callback instead.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();
    private readonly Lock _inputLock = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(Process process) => _process = process;

    /// <summary>Completes when the process has exited, for whoever waits on its answers.</summary>
    public Task Exited => _exited.Task;

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
        string? workingDirectory = null,
        Action<string>? onAnswer = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = onAnswer is not null,
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

        process.OutputDataReceived += (_, e) =>
        {
            // Lines arrive one at a time, so the ready line has completed the task before the next one comes.
            if (onAnswer is not null && e.Data is not null && ready.Task.IsCompletedSuccessfully)
            {
                onAnswer(e.Data);
                return;
            }

            OnLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) =>
        {
            ready.TrySetException(new InvalidOperationException($"{fileName} exited with code {process.ExitCode} before it was ready:\n{node.Output}"));
            node._exited.TrySetResult();
        };
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

    /// <summary>Sends one line to the process's stdin (only for a process started with <c>onAnswer</c>).</summary>
    public void WriteLine(string line)
    {
        lock (_inputLock)
        {
            _process.StandardInput.WriteLine(line);
            _process.StandardInput.Flush();
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
