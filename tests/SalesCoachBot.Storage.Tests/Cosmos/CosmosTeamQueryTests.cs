using SalesCoachBot.Core.Insights;
using SalesCoachBot.Core.Process;
using SalesCoachBot.Core.Reminders;
using SalesCoachBot.Testing;
using SalesCoachBot.Testing.Insights;

namespace SalesCoachBot.Storage.Tests.Cosmos;

/// <summary>Issue 13: a manager's team questions read Cosmos DB one rep's partition at a time, never across partitions.</summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosTeamQueryTests(CosmosServerFixture server) : IAsyncLifetime
{
    private readonly string _database = CosmosServerFixture.NewDatabaseName();
    private CosmosStores _stores = null!;

    public Task InitializeAsync()
    {
        _stores = new CosmosStores(server.Server, _database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    [Fact]
    public async Task Team_forecast_and_stats_query_only_single_rep_partitions_of_the_deals()
    {
        var process = ProcessLoader.LoadDefault();
        var scenario = new TeamScaleScenario(reps: 4, dealsPerRep: 15);
        await scenario.SeedAsync(_stores.Deals, _stores.Users, process);
        var before = DealQueries().Count;

        var timings = await scenario.MeasureAsync(new TeamReader(_stores.Users, _stores.Deals, ManagerMapping.Empty), process);

        var queries = DealQueries().Skip(before).ToList();
        Assert.Equal(4, timings.Reps);
        Assert.InRange(timings.DealsRead, 1, 60);
        Assert.Equal(8, queries.Count); // each question: one query per rep
        Assert.All(queries, q => Assert.DoesNotContain("pk=none", q, StringComparison.Ordinal));
        Assert.Equal(4, queries.Select(q => q[q.IndexOf("pk=", StringComparison.Ordinal)..]).Distinct().Count());
    }

    private List<string> DealQueries() =>
        server.Server.Output.Split('\n')
            .Where(l => l.Contains("cosmos-test-server query", StringComparison.Ordinal) && l.Contains($"/dbs/{_database}/colls/deals/", StringComparison.Ordinal))
            .ToList();
}
