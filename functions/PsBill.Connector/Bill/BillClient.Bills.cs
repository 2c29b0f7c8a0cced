using System.Runtime.CompilerServices;
using PsBill.Connector.Bill.Http;
using PsBill.Connector.Bill.Lists;
using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Bill;

public sealed partial class BillClient
{
    /// <summary>BILL's limit for <c>POST /v3/bills/bulk</c> (an older page says 200; the current reference says 100).</summary>
    public const int MaxBillsPerBulk = 100;

    /// <summary>Streams bills (<c>GET /v3/bills</c>) matching <paramref name="query"/>, page after page.</summary>
    public IAsyncEnumerable<VendorBill> ListBillsAsync(BillListQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync<VendorBill>(BillHost.Api, "/v3/bills", query, cancellationToken);

    /// <summary>
    /// The bills of <paramref name="vendorId"/> with invoice number <paramref name="invoiceNumber"/>, archived ones
    /// included: the lookup before creating a bill again after an unknown outcome. BILL documents <c>vendorId</c> as a
    /// filter but not the invoice number, so the number is matched here (exactly, ignoring surrounding spaces).
    /// </summary>
    public async IAsyncEnumerable<VendorBill> FindBillsAsync(string vendorId, string invoiceNumber,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceNumber);
        var wanted = invoiceNumber.Trim();
        await foreach (var bill in ListBillsAsync(BillListQuery.Where(BillFilter.Eq("vendorId", vendorId)), cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(bill.Invoice?.InvoiceNumber?.Trim(), wanted, StringComparison.Ordinal)) yield return bill;
        }
    }

    /// <summary>Reads one bill (<c>GET /v3/bills/{id}</c>).</summary>
    public Task<VendorBill> GetBillAsync(string billId, CancellationToken cancellationToken = default) =>
        SendAsync<VendorBill>(BillCall.Get(BillHost.Api, $"/v3/bills/{BillCall.Segment(billId)}"), cancellationToken);

    /// <summary>Creates a bill (<c>POST /v3/bills</c>). Not retried after a lost answer: see <see cref="BillApiException.IsOutcomeUnknown"/>.</summary>
    public Task<VendorBill> CreateBillAsync(VendorBill bill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bill);
        return SendAsync<VendorBill>(BillCall.Create("/v3/bills", bill), cancellationToken);
    }

    /// <summary>Updates the fields and lines set in <paramref name="changes"/> (<c>PATCH /v3/bills/{id}</c>; lines by line id).</summary>
    public Task<VendorBill> UpdateBillAsync(string billId, VendorBill changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return SendAsync<VendorBill>(BillCall.Write(HttpMethod.Patch, BillHost.Api, $"/v3/bills/{BillCall.Segment(billId)}", changes with { Id = null }), cancellationToken);
    }

    /// <summary>Replaces a bill and its whole line set (<c>PUT /v3/bills/{id}</c>): lines without an id are added, omitted ones removed.</summary>
    public Task<VendorBill> ReplaceBillAsync(string billId, VendorBill bill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bill);
        return SendAsync<VendorBill>(BillCall.Write(HttpMethod.Put, BillHost.Api, $"/v3/bills/{BillCall.Segment(billId)}", bill with { Id = null }), cancellationToken);
    }

    /// <summary>Archives a bill (<c>POST /v3/bills/{id}/archive</c>); archiving an archived bill changes nothing.</summary>
    public Task<VendorBill> ArchiveBillAsync(string billId, CancellationToken cancellationToken = default) =>
        SendAsync<VendorBill>(BillCall.Write(HttpMethod.Post, BillHost.Api, $"/v3/bills/{BillCall.Segment(billId)}/archive"), cancellationToken);

    /// <summary>Restores an archived bill (<c>POST /v3/bills/{id}/restore</c>).</summary>
    public Task<VendorBill> RestoreBillAsync(string billId, CancellationToken cancellationToken = default) =>
        SendAsync<VendorBill>(BillCall.Write(HttpMethod.Post, BillHost.Api, $"/v3/bills/{BillCall.Segment(billId)}/restore"), cancellationToken);

    /// <summary>Creates up to <see cref="MaxBillsPerBulk"/> bills at once (<c>POST /v3/bills/bulk</c>), any vendors mixed, all
    /// or nothing. The answer lists the created bills in request order. Use <see cref="Bulk.BulkSplitter"/> to isolate rejected records.</summary>
    public Task<IReadOnlyList<VendorBill>> CreateBillsInBulkAsync(IReadOnlyList<VendorBill> bills, CancellationToken cancellationToken = default)
    {
        CheckBulk(bills, MaxBillsPerBulk);
        return SendAsync<IReadOnlyList<VendorBill>>(BillCall.Create("/v3/bills/bulk", bills), cancellationToken);
    }

    /// <summary>Records a payment made outside BILL against one or more bills of a vendor (<c>POST /v3/bills/record-payment</c>).
    /// Not retried after a lost answer: look for the payment first.</summary>
    public Task<Payment> RecordPaymentAsync(RecordPaymentRequest payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Payments.Count == 0) throw new ArgumentException("A recorded payment applies to at least one bill.", nameof(payment));
        return SendAsync<Payment>(BillCall.Create("/v3/bills/record-payment", payment), cancellationToken);
    }
}
