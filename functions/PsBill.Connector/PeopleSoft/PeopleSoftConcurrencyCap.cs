using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PsBill.Connector.PeopleSoft;

/// <summary>The one limiter that caps calls in flight to PeopleSoft, shared by the read and write pipelines.</summary>
internal sealed class PeopleSoftConcurrencyCap(IOptions<PeopleSoftClientOptions> options) : IDisposable
{
    public RateLimiter Limiter { get; } = PeopleSoftPipelines.CreateConcurrencyCap(options.Value.Resilience);

    public void Dispose() => Limiter.Dispose();
}
