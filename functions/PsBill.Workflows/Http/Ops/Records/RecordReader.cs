using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Bill;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Mappings;
using PsBill.Connector.Sync;
using PsBill.Connector.Sync.Snapshots;

namespace PsBill.Workflows.Http.Ops.Records;

/// <summary>
/// Reads one record whole (<see cref="RecordView"/>): its ledger row, its PeopleSoft snapshot, its bill read live from BILL
/// through the same client and call gate as the flows (so the ops page shows what BILL has, not what was sent), the payments
/// posted back to it, and the audit trail of all of these keys. BILL, PeopleSoft snapshots and mappings are optional
/// services: without the sync configured the page still shows the ledger and the trail.
/// </summary>
public sealed class RecordReader(LedgerStore ledger, AuditTrail audit, IServiceProvider services)
{
    /// <summary>The record, or null when neither the ledger nor the audit trail knows the key.</summary>
    /// <exception cref="ArgumentException">The key has no kind prefix.</exception>
    public async Task<RecordView?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var kind = LedgerStore.KindOf(key);
        var entry = await ledger.GetAsync(key, cancellationToken).ConfigureAwait(false);
        var payments = new List<LedgerEntry>();
        var related = new List<string>();
        if (kind == "voucher" && entry?.RemoteId is { Length: > 0 } billId)
        {
            // Payment keys end with the bill id; they share no partition with the voucher, so the payment rows are scanned.
            await foreach (var p in ledger.QueryAsync(new LedgerQuery(Kind: "payment"), cancellationToken).ConfigureAwait(false))
            {
                if (p.Key.EndsWith(":" + billId, StringComparison.Ordinal)) payments.Add(p);
            }
            related.AddRange(payments.Select(p => p.Key));
        }
        else if (kind == "payment" && entry is not null)
        {
            payments.Add(entry);
            if (SettlementPosting.TryParse(entry.Detail)?.VoucherKey is { } voucherKey) related.Add(voucherKey);
        }

        var trail = new List<AuditEntry>(await audit.ReadAsync(key, cancellationToken).ConfigureAwait(false));
        if (entry is null && trail.Count == 0) return null;
        if (kind == "voucher")
        {
            foreach (var p in payments) trail.AddRange(await audit.ReadAsync(p.Key, cancellationToken).ConfigureAwait(false));
        }

        var snapshot = kind is "voucher" or "supplier" && services.GetService<SourceSnapshotStore>() is { } snapshots
            ? await snapshots.GetAsync(key, cancellationToken).ConfigureAwait(false)
            : null;
        var (bill, problem) = kind == "voucher" && entry?.RemoteId is { Length: > 0 } id ? await BillAsync(id, cancellationToken).ConfigureAwait(false) : (null, null);
        return new RecordView(
            key, kind, entry is null ? null : LedgerView.Of(entry),
            snapshot is null ? null : JsonNode.Parse(snapshot.Json), snapshot?.Withdrawn ?? false,
            bill, problem,
            payments.Select(PaymentView.Of).ToList(), related,
            trail.OrderBy(t => t.At).ToList());
    }

    private async Task<(BillView?, string?)> BillAsync(string billId, CancellationToken cancellationToken)
    {
        if (services.GetService<BillClient>() is not { } client) return (null, "BILL is not configured here (PsBill:Bill): the bill cannot be read.");
        try
        {
            var bill = await client.GetBillAsync(billId, cancellationToken).ConfigureAwait(false);
            var names = await ClassificationNamesAsync(cancellationToken).ConfigureAwait(false);
            string? Name(string? id) => id is null ? null : names.TryGetValue(id, out var source) ? source : id;
            return (new BillView(
                bill.Id, bill.Invoice?.InvoiceNumber, bill.Invoice?.InvoiceDate, bill.DueDate, bill.Amount, bill.PaidAmount, bill.DueAmount,
                bill.PaymentStatus, bill.ApprovalStatus, bill.Archived, bill.VendorId, bill.VendorName,
                (bill.BillLineItems ?? []).Select(l => new BillLineView(l.Amount, l.Description, Name(l.Classifications?.ChartOfAccountId), Name(l.Classifications?.DepartmentId))).ToList()),
                null);
        }
        catch (BillApiException ex)
        {
            return (null, $"BILL answered {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"BILL could not be reached: {ex.Message}");
        }
    }

    // BILL id -> the PeopleSoft value it was mapped from, so a line reads "SHARE:610000" rather than an opaque id.
    private async Task<Dictionary<string, string>> ClassificationNamesAsync(CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (services.GetService<MappingStore>() is not { } mappings) return names;
        foreach (var kind in new[] { MappingKinds.Account, MappingKinds.Department })
        {
            foreach (var m in await mappings.ListAsync(kind, cancellationToken).ConfigureAwait(false)) names.TryAdd(m.BillId, m.SourceValue);
        }
        return names;
    }
}
