using PsBill.Connector.Work;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Settling;

/// <summary>
/// A payment waiting in the <see cref="SettlementQueue"/>: its item, the settlement orchestration that waits for the result
/// and the ticket (the event name) that result comes back under.
/// </summary>
/// <param name="InstanceId">The waiting settlement orchestration (<c>settle-{payment}-{event hash}</c>).</param>
/// <param name="Ticket">The name of the event the result is sent as; new for every wait, so a late answer to an earlier
/// wait is never taken for the current one.</param>
/// <param name="Item">The payment's work item.</param>
/// <param name="Work">The retry rules and slot count of the settlement.</param>
public sealed record QueuedSettlement(string InstanceId, string Ticket, WorkItem Item, WorkSettings Work);
