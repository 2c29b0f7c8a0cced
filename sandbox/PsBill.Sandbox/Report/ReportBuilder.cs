using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Bill;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Reconciliation;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Adoption;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Work;
using PsBill.Sandbox.World;

namespace PsBill.Sandbox.Report;

/// <summary>Reads the report's figures: both simulators' own state, the connector's ledger and failures, and the task hub.</summary>
public static class ReportBuilder
{
    /// <summary>The report now.</summary>
    public static async Task<SandboxReport> BuildAsync(SandboxWorld world, TimeSpan elapsed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        var peopleSoft = world.PeopleSoft.GetFigures();
        return new SandboxReport
        {
            Suppliers = peopleSoft.Suppliers,
            Vouchers = peopleSoft.Vouchers,
            ApprovedVouchers = peopleSoft.ApprovedVouchers,
            Bill = world.Bill.GetFigures(),
            PeopleSoft = new PeopleSoftReportFigures { PaymentsRecorded = peopleSoft.PaymentsRecorded, DuplicatePayments = peopleSoft.DuplicatePayments },
            Connector = await ConnectorAsync(world, cancellationToken).ConfigureAwait(false),
            Reconciliation = await ReconcileAsync(world, cancellationToken).ConfigureAwait(false),
            ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 1),
        };
    }

    /// <summary>The report as indented JSON.</summary>
    public static string ToJson(SandboxReport report) => JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The connector's own tie-out of the two simulators (the same service as <c>psbill reconcile</c>).</summary>
    private static async Task<ReconciliationFigures> ReconcileAsync(SandboxWorld world, CancellationToken cancellationToken)
    {
        try
        {
            var service = ActivatorUtilities.GetServiceOrCreateInstance<TieOutService>(world.Services);
            return ReconciliationFigures.From(await service.BuildAsync(cancellationToken: cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is PeopleSoftException or BillApiException)
        {
            return new ReconciliationFigures { Error = ex.Message, Verdict = "not made" };
        }
    }

    private static async Task<ConnectorFigures> ConnectorAsync(SandboxWorld world, CancellationToken cancellationToken)
    {
        var ledger = world.Services.GetRequiredService<LedgerStore>();
        var byCause = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<string>();
        var parked = 0;
        var proposed = 0; // suppliers parked for an operator's confirm or reject
        await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Parked, cancellationToken).ConfigureAwait(false))
        {
            parked++;
            var cause = $"{entry.Kind} / {SyncDetail.Parse(entry.Detail).Cause?.ToString() ?? "?"}";
            byCause[cause] = byCause.GetValueOrDefault(cause) + 1;
            if (entry.Kind == "supplier" && SyncDetail.Parse(entry.Detail).Cause == ParkCause.Match) proposed++;
            if (examples.Count < 8) examples.Add(entry.ParkedReason ?? entry.Key);
        }

        var failedKeys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Failed, cancellationToken).ConfigureAwait(false)) failedKeys.Add(entry.Key);
        var unfinished = 0;
        await foreach (var _ in ledger.QueryByStateAsync(LedgerState.Intent, cancellationToken).ConfigureAwait(false)) unfinished++;

        var reasons = new List<string>();
        await foreach (var failed in world.Services.GetRequiredService<FailedItemStore>().ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reasons.Count < 8) reasons.Add($"{failed.Key}: {failed.Reason}");
            failedKeys.Add(failed.Key);
        }

        var adoptions = world.Services.GetRequiredService<AdoptionStore>();
        return new ConnectorFigures
        {
            AdoptedVendors = await adoptions.CountLinksAsync(AdoptedKind.Vendor, cancellationToken).ConfigureAwait(false),
            ProposedMatches = proposed,
            AdoptedBills = await adoptions.CountLinksAsync(AdoptedKind.Bill, cancellationToken).ConfigureAwait(false),
            Parked = parked, Failed = failedKeys.Count, Unfinished = unfinished,
            ParkedByCause = byCause, ParkedExamples = examples, FailedReasons = reasons,
            Orchestrations = await OrchestrationsAsync(world, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The task hub's orchestration instances by status (entities not counted), read through the Durable client.</summary>
    private static async Task<OrchestrationFigures> OrchestrationsAsync(SandboxWorld world, CancellationToken cancellationToken)
    {
        var client = await world.Flows.ClientAsync(cancellationToken).ConfigureAwait(false);
        var byStatus = new Dictionary<OrchestrationRuntimeStatus, int>();
        // Statuses only: with inputs and outputs a page of a 10,000-voucher run's instances exceeds gRPC's 4 MB message limit.
        var query = new OrchestrationQuery { PageSize = 100, FetchInputsAndOutputs = false };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
            if (!instance.InstanceId.StartsWith('@')) byStatus[instance.RuntimeStatus] = byStatus.GetValueOrDefault(instance.RuntimeStatus) + 1;
        return new OrchestrationFigures
        {
            Total = byStatus.Values.Sum(),
            Completed = byStatus.GetValueOrDefault(OrchestrationRuntimeStatus.Completed),
            Failed = byStatus.GetValueOrDefault(OrchestrationRuntimeStatus.Failed) + byStatus.GetValueOrDefault(OrchestrationRuntimeStatus.Terminated),
            Running = byStatus.GetValueOrDefault(OrchestrationRuntimeStatus.Running) + byStatus.GetValueOrDefault(OrchestrationRuntimeStatus.Pending),
        };
    }
}
