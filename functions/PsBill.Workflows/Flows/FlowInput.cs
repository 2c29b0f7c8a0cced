using PsBill.Connector.Storage.Runs;

namespace PsBill.Workflows.Flows;

/// <summary>The input of a timer flow's orchestration (and of each page after <c>ContinueAsNew</c>).</summary>
/// <param name="Flow">The flow (<see cref="FunctionNames.Flows"/>).</param>
/// <param name="GateKey">The BillGate key: a hash of the BILL organization (never the organization id itself).</param>
/// <param name="Work">Retry rules and slots.</param>
/// <param name="RunId">The run, once the first page started it.</param>
/// <param name="Page">The page (0 first).</param>
/// <param name="Totals">What the pages before this one saw and parked.</param>
/// <param name="TieOutAfter">Tie PeopleSoft and BILL out when the last page is done (PollPayments, <c>PsBill:Reconciliation:AfterPollPayments</c>).</param>
/// <param name="Ahead">This page, already read while the previous page's work ran (keys only, like every step result).</param>
public sealed record FlowInput(string Flow, string GateKey, WorkSettings Work, string? RunId = null, int Page = 0, RunCounts? Totals = null, bool TieOutAfter = false,
    FlowStepResult? Ahead = null);
