namespace PsBill.Workflows;

/// <summary>
/// Every function name of the app, shared by both hosts (the isolated worker app and <c>psbill run</c>), so the task hub
/// either of them writes is the one the other reads, and Durable Functions Monitor shows the same names.
/// </summary>
public static class FunctionNames
{
    /// <summary>Timer: match PeopleSoft GL accounts and departments to BILL.</summary>
    public const string SyncReferenceData = "SyncReferenceData";

    /// <summary>Timer: suppliers changed since the checkpoint become BILL vendors.</summary>
    public const string PollSuppliers = "PollSuppliers";

    /// <summary>Timer: approved vouchers become BILL bills.</summary>
    public const string PollVouchers = "PollVouchers";

    /// <summary>Timer: BILL payments changed since the checkpoint (the safety net for lost webhooks).</summary>
    public const string PollPayments = "PollPayments";

    /// <summary>HTTP: BILL's payment webhook.</summary>
    public const string BillWebhook = "BillWebhook";

    /// <summary>HTTP: the operator's page and API.</summary>
    public const string Ops = "Ops";

    /// <summary>Timer: sends the alerts that are due (failed items, parked growing, sync lag, the tie-out, BILL's quota).</summary>
    public const string CheckAlerts = "CheckAlerts";

    /// <summary>HTTP, anonymous: per-flow lag, 503 when a flow lags (for an availability test).</summary>
    public const string Health = "Health";

    /// <summary>The timer flows, in the order a first cycle runs them.</summary>
    public static IReadOnlyList<string> Flows { get; } = [SyncReferenceData, PollSuppliers, PollVouchers, PollPayments];

    /// <summary>Orchestrator names.</summary>
    public static class Orchestrators
    {
        /// <summary>The orchestration of a timer flow: one page of its step, the work fanned out, the checkpoint moved.</summary>
        public static string ForFlow(string flow) => flow + "Flow";

        /// <summary>The SyncReferenceData flow.</summary>
        public const string SyncReferenceDataFlow = SyncReferenceData + "Flow";

        /// <summary>The PollSuppliers flow.</summary>
        public const string PollSuppliersFlow = PollSuppliers + "Flow";

        /// <summary>The PollVouchers flow.</summary>
        public const string PollVouchersFlow = PollVouchers + "Flow";

        /// <summary>The PollPayments flow.</summary>
        public const string PollPaymentsFlow = PollPayments + "Flow";

        /// <summary>One lane of work on one BillGate slot: a few work items in a row, inside the slot's critical section.</summary>
        public const string BillLane = "BillLane";

        /// <summary>One BILL payment settled back into PeopleSoft (started by the webhook).</summary>
        public const string SettlePayment = "SettlePayment";

        /// <summary>Settles the payments waiting in the settlement queue, a batch per BillGate slot hold, until none wait.</summary>
        public const string SettlementLane = "SettlementLane";

        /// <summary>Chosen ledger keys run again (an item, a run, all parked, all failed).</summary>
        public const string Replay = "Replay";

        /// <summary>Every orchestrator name.</summary>
        public static IReadOnlyList<string> All { get; } = [.. FunctionNames.Flows.Select(ForFlow), BillLane, SettlePayment, SettlementLane, Replay];
    }

    /// <summary>Activity names.</summary>
    public static class Activities
    {
        /// <summary>Starts a run (the run's row: counts and item keys for the ops page).</summary>
        public const string StartRun = "StartRun";

        /// <summary>Runs one page of a flow's step (a PeopleSoft read, the reference-data sync, BILL's payment changes).</summary>
        public const string RunFlowStep = "RunFlowStep";

        /// <summary>Runs one work item (a bulk vendor or bill batch, one payment) on the slot its lane holds.</summary>
        public const string RunWorkItem = "RunWorkItem";

        /// <summary>Runs several work items one after another (a settlement lane's batch of payments) on the slot its lane holds.</summary>
        public const string RunWorkItems = "RunWorkItems";

        /// <summary>Writes the create results of BILL calls to the ledger and the audit trail, outside the BILL slots.</summary>
        public const string RecordResults = "RecordResults";

        /// <summary>Saves checkpoints after the work before them is done.</summary>
        public const string SaveCheckpoints = "SaveCheckpoints";

        /// <summary>Records keys whose work failed after every retry.</summary>
        public const string RecordFailures = "RecordFailures";

        /// <summary>Completes a run with its counts.</summary>
        public const string CompleteRun = "CompleteRun";

        /// <summary>Reads BILL's bills and payments for the tie-out after PollPayments (on a BillGate slot), when one is due.</summary>
        public const string ReadBillForTieOut = "ReadBillForTieOut";

        /// <summary>Reads PeopleSoft and the ledger, builds the tie-out report and stores it.</summary>
        public const string TieOut = "TieOut";

        /// <summary>Every activity name.</summary>
        public static IReadOnlyList<string> All { get; } = [StartRun, RunFlowStep, RunWorkItem, RunWorkItems, RecordResults, SaveCheckpoints, RecordFailures, CompleteRun, ReadBillForTieOut, TieOut];
    }

    /// <summary>Entity names.</summary>
    public static class Entities
    {
        /// <summary>The BILL semaphore: one entity per slot, <c>{organization hash}-{n}</c>.</summary>
        public const string BillGate = "BillGate";

        /// <summary>The payments webhooks brought, waiting for a settlement lane: one entity per organization hash.</summary>
        public const string SettlementQueue = "SettlementQueue";

        /// <summary>Every entity name.</summary>
        public static IReadOnlyList<string> All { get; } = [BillGate, SettlementQueue];
    }
}
