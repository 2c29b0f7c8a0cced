using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Gate;
using PsBill.Connector.Work;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Starting;

/// <summary>Reads the flows' retry rules and slot count from settings, once per started orchestration.</summary>
public sealed class WorkSettingsFactory(IOptions<WorkOptions> work, IOptions<BillGateOptions>? gate = null)
{
    /// <summary>The settings a new orchestration carries.</summary>
    public WorkSettings Create()
    {
        var w = work.Value;
        return new WorkSettings(w.MaxRetries, w.ActivityAttempts, w.ActivityFirstRetryDelay, w.ActivityMaxRetryDelay, gate?.Value.SlotCount ?? 3);
    }
}
