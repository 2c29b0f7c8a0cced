namespace PsBill.Workflows.Http.Ops.Overview;

/// <summary>One flow on the overview: is it running, when did it last succeed, how far behind is it.</summary>
/// <param name="Flow">The flow (SyncReferenceData, PollSuppliers, PollVouchers, PollPayments).</param>
/// <param name="Status">Its singleton orchestration's status, or "never run".</param>
/// <param name="Running">True while its orchestration runs (a start now would do nothing).</param>
/// <param name="LastSuccessAt">When its last successful run ended.</param>
/// <param name="LagSeconds">How old the data it last brought across is: now minus the start of its last successful run.</param>
/// <param name="LastRunId">Its newest run's id (counts: <c>api/runs/{id}</c>).</param>
/// <param name="LastRunStatus">That run's status.</param>
/// <param name="LastRunError">Why that run failed, when it did.</param>
/// <param name="CustomStatus">What the running orchestration says of itself (page, counts).</param>
public sealed record FlowHealth(
    string Flow,
    string Status,
    bool Running,
    DateTimeOffset? LastSuccessAt,
    double? LagSeconds,
    string? LastRunId,
    string? LastRunStatus,
    string? LastRunError,
    string? CustomStatus);
