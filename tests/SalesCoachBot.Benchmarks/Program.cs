using BenchmarkDotNet.Running;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// `turns`, `sweep` and `soak` are the macro measurements (their last line is one JSON object); anything else goes to
/// BenchmarkDotNet, e.g. `-- --filter *` for every micro benchmark. (Not top-level statements: the bot's own
/// <c>Program</c> is hosted in-process by <see cref="StoreRoundTrips"/>, and two would clash.)
/// </summary>
public static class BenchmarkEntry
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "turns" => await TurnsCommand.RunAsync(Arguments.Parse(args.Skip(1))),
        "sweep" => await SweepCommand.RunAsync(Arguments.Parse(args.Skip(1))),
        "soak" => await SoakCommand.RunAsync(Arguments.Parse(args.Skip(1))),
        "insights" => await InsightsCommand.RunAsync(Arguments.Parse(args.Skip(1))),
        _ => RunMicro(args),
    };

    private static int RunMicro(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args);
        return 0;
    }
}
