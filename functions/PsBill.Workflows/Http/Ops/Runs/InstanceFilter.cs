using Microsoft.DurableTask.Client;

namespace PsBill.Workflows.Http.Ops.Runs;

/// <summary>Which instances to list.</summary>
/// <param name="Name">An orchestrator name (PollVouchersFlow, BillLane, SettlePayment, Replay) or a flow's name.</param>
/// <param name="Statuses">Only these statuses.</param>
/// <param name="CreatedFrom">Created at or after.</param>
/// <param name="CreatedTo">Created before.</param>
public sealed record InstanceFilter(string? Name = null, IReadOnlyList<OrchestrationRuntimeStatus>? Statuses = null, DateTimeOffset? CreatedFrom = null, DateTimeOffset? CreatedTo = null);
