using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Bill;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Reconciliation;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Work;
using PsBill.Sandbox.World;

namespace PsBill.Sandbox.Report;

/// <summary>Reads the report's figures: both simulators' own state, and the connector's ledger and poison queue.</summary>
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
        await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Parked, cancellationToken).ConfigureAwait(false))
        {
            parked++;
            var cause = $"{entry.Kind} / {SyncDetail.Parse(entry.Detail).Cause?.ToString() ?? "?"}";
            byCause[cause] = byCause.GetValueOrDefault(cause) + 1;
            if (examples.Count < 8) examples.Add(entry.ParkedReason ?? entry.Key);
        }

        var failedKeys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Failed, cancellationToken).ConfigureAwait(false)) failedKeys.Add(entry.Key);
        var unfinished = 0;
        await foreach (var _ in ledger.QueryByStateAsync(LedgerState.Intent, cancellationToken).ConfigureAwait(false)) unfinished++;

        var reasons = new List<string>();
        foreach (var poison in await ReadPoisonAsync(world, cancellationToken).ConfigureAwait(false))
        {
            if (reasons.Count < 8) reasons.Add(poison.Reason);
            foreach (var key in poison.TryGetItem()?.Keys ?? [$"(unreadable message: {poison.Message[..Math.Min(40, poison.Message.Length)]})"]) failedKeys.Add(key);
        }

        return new ConnectorFigures
        {
            Parked = parked, Failed = failedKeys.Count, Unfinished = unfinished,
            ParkedByCause = byCause, ParkedExamples = examples, FailedReasons = reasons,
        };
    }

    /// <summary>Every poison message (the sandbox is throwaway, so they are received and left hidden rather than peeked 32 at most).</summary>
    private static async Task<List<PoisonMessage>> ReadPoisonAsync(SandboxWorld world, CancellationToken cancellationToken)
    {
        var queue = world.Services.GetRequiredService<PsBillStorage>().PoisonQueue;
        var all = new List<PoisonMessage>();
        if (!(await queue.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value) return all;
        while (true)
        {
            QueueMessage[] batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), cancellationToken).ConfigureAwait(false)).Value;
            if (batch.Length == 0) return all;
            all.AddRange(batch.Select(m => PoisonMessage.Parse(m.MessageText)));
        }
    }
}
