using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCoachBot.Testing;

namespace SalesCoachBot.EndToEnd.Tests.Support;

/// <summary>
/// The long-lived Node process (Driver/driver.js) that holds one headless Chromium through playwright-core. Requests are
/// JSON lines on its stdin, answers JSON lines on its stdout; one request at a time.
/// </summary>
public sealed class BrowserDriver : IAsyncDisposable
{
    private static readonly TimeSpan _requestTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _errors = new();
    private readonly Lock _errorsLock = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private int _nextId;

    private BrowserDriver(Process process) => _process = process;

    /// <summary>Chromium's version, as the driver reported it.</summary>
    public string BrowserVersion { get; private set; } = string.Empty;

    public static async Task<BrowserDriver> StartAsync()
    {
        var chromium = Chromium.Path;
        var script = Path.Combine(AppContext.BaseDirectory, "Driver", "driver.js");
        TestTools.PackageFile("playwright-core", "package.json");
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestTools.Directory,
        };
        info.ArgumentList.Add(script);
        info.Environment["NODE_PATH"] = TestTools.NodeModules;
        info.Environment["E2E_CHROMIUM"] = chromium;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var driver = new BrowserDriver(process);
        process.OutputDataReceived += (_, e) => driver.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (driver._errorsLock)
                {
                    driver._errors.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => driver.OnExit();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            driver.BrowserVersion = await driver._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return driver;
        }
        catch
        {
            await driver.DisposeAsync();
            throw;
        }
    }

    private string Errors
    {
        get
        {
            lock (_errorsLock)
            {
                return _errors.ToString();
            }
        }
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line) || !line.StartsWith('{'))
        {
            return;
        }

        var message = JsonNode.Parse(line)!;
        if (message["ready"] is not null)
        {
            _ready.TrySetResult(message["version"]?.GetValue<string>() ?? string.Empty);
            return;
        }

        if (message["id"]?.GetValue<int>() is not { } id || !_pending.TryRemove(id, out var waiter))
        {
            return;
        }

        if (message["ok"]?.GetValue<bool>() == true)
        {
            waiter.TrySetResult(message["result"]);
        }
        else
        {
            waiter.TrySetException(new InvalidOperationException($"Browser driver: {message["error"]}"));
        }
    }

    private void OnExit()
    {
        var failure = new InvalidOperationException($"The browser driver exited (code {_process.ExitCode}):\n{Errors}");
        _ready.TrySetException(failure);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var waiter))
            {
                waiter.TrySetException(failure);
            }
        }
    }

    /// <summary>Sends one request (<paramref name="op"/> plus the arguments' properties) and returns its result.</summary>
    public async Task<JsonNode?> CallAsync(string op, object? arguments = null)
    {
        var request = arguments is null ? new JsonObject() : JsonSerializer.SerializeToNode(arguments)!.AsObject();
        var id = Interlocked.Increment(ref _nextId);
        request["id"] = id;
        request["op"] = op;
        var waiter = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = waiter;
        await _oneAtATime.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(request.ToJsonString());
            await _process.StandardInput.FlushAsync();
            return await waiter.Task.WaitAsync(_requestTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The browser driver did not answer '{op}' within {_requestTimeout.TotalSeconds:0} s.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
            _oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (TimeoutException)
        {
        }

        _process.Dispose();
        _oneAtATime.Dispose();
    }
}
