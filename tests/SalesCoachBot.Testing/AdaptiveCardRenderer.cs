using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SalesCoachBot.Testing;

/// <summary>
/// The official Adaptive Cards renderer (npm adaptivecards, installed in tests/tools) set up as Teams sets it up: its
/// host config, cards up to 1.5. It parses and validates a card and returns every event it raised (unknown element or
/// action types, invalid property values, duplicate ids, too many actions…): what Teams would not show as sent.
/// </summary>
/// <remarks>
/// One Node process (tests/tools/adaptive-card-check.js) serves the whole test run: starting Node per card would cost
/// more than the checks. Requests and answers are JSON lines matched by id, so test classes running in parallel share
/// it. The process ends when the test run closes its stdin.
/// </remarks>
public sealed partial class AdaptiveCardRenderer : IAsyncDisposable
{
    public const string ScriptFileName = "adaptive-card-check.js";

    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _answerTimeout = TimeSpan.FromSeconds(30);

    // A start that failed (npm ci never ran, no node) fails every check with the same message instead of retrying.
    private static readonly Lazy<AdaptiveCardRenderer> _shared = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<long, TaskCompletionSource<IReadOnlyList<string>>> _pending = new();
    private NodeProcess? _node;
    private long _nextId;

    private AdaptiveCardRenderer()
    {
    }

    /// <summary>The renderer of this test run, started on first use.</summary>
    public static AdaptiveCardRenderer Shared => _shared.Value;

    /// <summary>The adaptivecards package version the process loaded, as it reported it.</summary>
    public string Version { get; private set; } = string.Empty;

    private NodeProcess Node => _node ?? throw new InvalidOperationException("The renderer has not started.");

    public static async Task<AdaptiveCardRenderer> StartAsync()
    {
        // Both throw a message that says to run npm ci when the install is missing.
        TestTools.PackageFile("adaptivecards", Path.Combine("dist", "adaptivecards.min.js"));
        var script = Path.Combine(TestTools.Directory, ScriptFileName);
        var renderer = new AdaptiveCardRenderer();
        var (node, ready) = await NodeProcess.StartAsync("node", [script], ReadyLine(), _startTimeout, onAnswer: renderer.OnAnswer).ConfigureAwait(false);
        renderer._node = node;
        renderer.Version = ready.Groups["version"].Value;
        _ = node.Exited.ContinueWith(_ => renderer.FailPending(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return renderer;
    }

    /// <summary>Every event the renderer raised for <paramref name="cardJson"/>, one line each; empty when it has nothing to say.</summary>
    public Task<IReadOnlyList<string>> ProblemsAsync(string cardJson)
    {
        ArgumentNullException.ThrowIfNull(cardJson);
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        if (Node.Exited.IsCompleted)
        {
            _pending.TryRemove(id, out _);
            throw Stopped();
        }

        Node.WriteLine(JsonSerializer.Serialize(new CheckRequest(id, cardJson)));
        return WaitAsync(id, answer.Task);
    }

    /// <summary>The same as <see cref="ProblemsAsync"/>, for the synchronous helpers of the tests.</summary>
    public IReadOnlyList<string> Problems(string cardJson) => ProblemsAsync(cardJson).GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static AdaptiveCardRenderer StartShared()
    {
        // Started off the caller's synchronization context (xunit's), so blocking here cannot starve the start.
        var renderer = Task.Run(StartAsync).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => renderer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return renderer;
    }

    private async Task<IReadOnlyList<string>> WaitAsync(long id, Task<IReadOnlyList<string>> answer)
    {
        try
        {
            return await answer.WaitAsync(_answerTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The Adaptive Cards renderer did not answer within {_answerTimeout.TotalSeconds:0} s:\n{Node.Output}");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private void OnAnswer(string line)
    {
        if (!line.StartsWith('{'))
        {
            return;
        }

        var message = JsonNode.Parse(line)!;
        if (message["id"] is not JsonValue idValue || !idValue.TryGetValue<long>(out var id) || !_pending.TryGetValue(id, out var answer))
        {
            return;
        }

        if (message["problems"] is JsonArray problems)
        {
            answer.TrySetResult(problems.Select(p => p!.GetValue<string>()).ToList());
        }
        else
        {
            answer.TrySetException(new InvalidOperationException($"The Adaptive Cards renderer could not check the card: {message["error"]}"));
        }
    }

    private void FailPending()
    {
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var answer))
            {
                answer.TrySetException(Stopped());
            }
        }
    }

    private InvalidOperationException Stopped() =>
        new($"The Adaptive Cards renderer ({ScriptFileName}) has stopped:\n{Node.Output}");

    [GeneratedRegex("""^\{"ready":true,"adaptivecards":"(?<version>[^"]+)""")]
    private static partial Regex ReadyLine();

    private sealed record CheckRequest(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] long Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("json")] string Json);
}
