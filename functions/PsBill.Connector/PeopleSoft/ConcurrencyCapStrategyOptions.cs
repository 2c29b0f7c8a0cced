using Polly;

namespace PsBill.Connector.PeopleSoft;

/// <summary>Names the concurrency cap in Polly's telemetry.</summary>
internal sealed class ConcurrencyCapStrategyOptions : ResilienceStrategyOptions
{
    public ConcurrencyCapStrategyOptions() => Name = "PeopleSoftConcurrencyCap";
}
