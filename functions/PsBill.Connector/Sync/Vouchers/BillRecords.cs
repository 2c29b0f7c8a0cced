using System.Globalization;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Bulk;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Vouchers;

/// <summary>BILL bills for <see cref="SyncEngine"/>: bulk create (100 per call), look up by vendor and invoice number,
/// replace (only while unpaid), archive (only while unpaid).</summary>
public sealed class BillRecords(BillClient client, BulkSplitter splitter) : IRemoteRecords<VendorBill>
{
    /// <inheritdoc />
    public string Noun => "bill";

    /// <inheritdoc />
    public Task<IReadOnlyList<BulkItemResult<VendorBill>>> CreateAsync(IReadOnlyList<VendorBill> payloads, CancellationToken cancellationToken = default) =>
        splitter.CreateBillsAsync(payloads, cancellationToken);

    /// <inheritdoc />
    public string? IdOf(VendorBill created) => created.Id;

    /// <inheritdoc />
    public async Task<RemoteRef?> FindAsync(SyncDetail recorded, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(recorded.VendorId) || string.IsNullOrWhiteSpace(recorded.InvoiceNumber)) return null;
        RemoteRef? archived = null;
        await foreach (var bill in client.FindBillsAsync(recorded.VendorId, recorded.InvoiceNumber, cancellationToken).ConfigureAwait(false))
        {
            if (bill.Id is null) continue;
            if (bill.Archived != true) return new RemoteRef(bill.Id, false);
            archived ??= new RemoteRef(bill.Id, true);
        }
        return archived;
    }

    /// <inheritdoc />
    public async Task<RemoteChange> UpdateAsync(string remoteId, VendorBill payload, CancellationToken cancellationToken = default)
    {
        var current = await client.GetBillAsync(remoteId, cancellationToken).ConfigureAwait(false);
        if (PaidState(current) is { } paid) return RemoteChange.Refused($"bill {remoteId} is {paid} in BILL, so the change was not applied");
        if (current.Archived == true) await client.RestoreBillAsync(remoteId, cancellationToken).ConfigureAwait(false);
        // PUT replaces the whole line set: lines that disappeared in PeopleSoft disappear in BILL too.
        await client.ReplaceBillAsync(remoteId, payload, cancellationToken).ConfigureAwait(false);
        return RemoteChange.Done;
    }

    /// <inheritdoc />
    public async Task<RemoteChange> ArchiveAsync(string remoteId, CancellationToken cancellationToken = default)
    {
        var current = await client.GetBillAsync(remoteId, cancellationToken).ConfigureAwait(false);
        if (current.Archived == true) return RemoteChange.Done;
        if (PaidState(current) is { } paid) return RemoteChange.Refused($"bill {remoteId} is {paid} in BILL and cannot be archived; reverse the payment first");
        await client.ArchiveBillAsync(remoteId, cancellationToken).ConfigureAwait(false);
        return RemoteChange.Done;
    }

    /// <summary>Null while nothing is paid or scheduled on the bill; otherwise words for the operator.</summary>
    private static string? PaidState(VendorBill bill)
    {
        var paid = bill.PaidAmount ?? 0m;
        var scheduled = bill.ScheduledAmount ?? 0m;
        if (paid == 0m && scheduled == 0m && bill.PaymentStatus is null or BillPaymentStatus.Unpaid or BillPaymentStatus.Undefined) return null;
        return string.Create(CultureInfo.InvariantCulture, $"{bill.PaymentStatus ?? "paid"} (paid {paid:0.00}, scheduled {scheduled:0.00})");
    }
}
