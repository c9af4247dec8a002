using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace SalesCoachBot.Storage.Cosmos;

/// <summary>
/// What each Cosmos DB operation cost: logged at debug level and summed in the <c>salescoach.store.request_charge</c>
/// counter (request units, by container and operation), so the cost of a turn or a sweep can be read.
/// </summary>
public sealed class CosmosRequestCharges
{
    public const string MeterName = "SalesCoachBot.Storage";
    public const string InstrumentName = "salescoach.store.request_charge";

    private readonly Counter<double> _charges;
    private readonly ILogger<CosmosRequestCharges> _logger;

    public CosmosRequestCharges(IMeterFactory meterFactory, ILogger<CosmosRequestCharges> logger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _charges = meterFactory.Create(MeterName).CreateCounter<double>(InstrumentName, unit: "RU", description: "Request units charged by Azure Cosmos DB.");
        _logger = logger;
    }

    public void Record(string container, string operation, double requestCharge)
    {
        _charges.Add(requestCharge, new KeyValuePair<string, object?>("container", container), new KeyValuePair<string, object?>("operation", operation));
        _logger.LogDebug("Cosmos DB {Operation} on {Container} cost {RequestCharge} RU", operation, container, requestCharge);
    }
}
