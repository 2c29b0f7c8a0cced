using System.Globalization;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Bulk;
using PsBill.Connector.Bill.Models;
using Microsoft.Extensions.Options;
using PsBill.Connector.Sync.Adoption;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Vouchers;

/// <summary>BILL bills for <see cref="SyncEngine"/>: bulk create (100 per call), look up by vendor and invoice number,
/// replace (only while unpaid), archive (only while unpaid); before the first create, adopt a bill AP keyed in by hand
/// (same vendor, invoice number and amounts) or park the voucher when BILL's copy has other amounts.</summary>
public sealed class BillRecords(BillClient client, BulkSplitter splitter, BillDirectory directory, AdoptionStore adoptions, IOptions<AdoptionOptions> options)
    : IRemoteRecords<VendorBill>
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

    /// <inheritdoc />
    public Task<IExistingRecordFinder<VendorBill>> FinderForAsync(IReadOnlyList<SyncPlan<VendorBill>> plans, CancellationToken cancellationToken = default) =>
        Task.FromResult<IExistingRecordFinder<VendorBill>>(this); // what bills share (a vendor's bills) BillDirectory already keeps

    /// <inheritdoc />
    public async Task<ExistingMatch> FindExistingAsync(SyncPlan<VendorBill> plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var wanted = plan.Payload;
        var invoice = wanted?.Invoice?.InvoiceNumber?.Trim();
        if (!options.Value.MatchBills || !plan.MayExistInBill || wanted?.VendorId is null || string.IsNullOrEmpty(invoice)) return ExistingMatch.None;

        var same = (await directory.BillsOfVendorAsync(wanted.VendorId, cancellationToken).ConfigureAwait(false))
            .Where(b => b.Id is not null && b.Archived != true && string.Equals(b.Invoice?.InvoiceNumber?.Trim(), invoice, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (same.Count == 0) return ExistingMatch.None;

        var taken = new List<string>();
        var handKeyed = new List<VendorBill>();
        foreach (var bill in same)
        {
            if (string.Equals(bill.Description, wanted.Description, StringComparison.Ordinal))
                return ExistingMatch.Adopt(bill.Id!, $"bill {bill.Id} was created from this voucher"); // ours, from an attempt the ledger lost
            var owner = await adoptions.OwnerAsync(AdoptedKind.Bill, bill.Id!, cancellationToken).ConfigureAwait(false);
            if (owner is not null && owner != plan.Key) taken.Add($"bill {bill.Id} (adopted by {owner})");
            else if (owner is null && bill.Description?.StartsWith(VoucherDescriptionPrefix, StringComparison.Ordinal) == true) taken.Add($"bill {bill.Id} ({bill.Description})");
            else handKeyed.Add(bill);
        }

        if (taken.Count == 0 && handKeyed.Count == 1 && SameAmounts(handKeyed[0], wanted))
            return ExistingMatch.Adopt(handKeyed[0].Id!, $"invoice {invoice}, {Describe(handKeyed[0])}, same amounts as the voucher");

        var inBill = string.Join("; ", handKeyed.Select(b => $"bill {b.Id} {Describe(b)}").Concat(taken));
        return ExistingMatch.Park(
            $"{plan.Key}: invoice {invoice} exists in BILL with other amounts: {inBill}; PeopleSoft has {Money(Total(wanted))} in {wanted.BillLineItems?.Count ?? 0} lines. Correct one side, then replay {plan.Key}",
            ParkCause.Existing);
    }

    /// <inheritdoc />
    public async Task<RemoteChange> AdoptAsync(SyncPlan<VendorBill> plan, string remoteId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var owner = await adoptions.LinkAsync(AdoptedKind.Bill, remoteId, plan.Key, cancellationToken).ConfigureAwait(false);
        // The bill is left as AP keyed it (it may be paid already); the ledger row links it, so its payments settle back to this voucher.
        return owner == plan.Key ? RemoteChange.Done : RemoteChange.Refused($"{plan.Key}: BILL bill {remoteId} is already linked to {owner}");
    }

    /// <inheritdoc />
    public Task RecordUnsureAsync(SyncPlan<VendorBill> plan, ExistingMatch match, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public VendorBill ForAdopted(VendorBill payload) => payload;

    /// <summary>How the descriptions of the bills PsBill creates start (see <see cref="BillTranslator.Complete"/>).</summary>
    private const string VoucherDescriptionPrefix = "PeopleSoft voucher ";

    /// <summary>The same total and, when BILL lists the lines, the same line amounts (in any order).</summary>
    private static bool SameAmounts(VendorBill existing, VendorBill wanted)
    {
        if (existing.Amount is { } amount && amount != Total(wanted)) return false;
        if (existing.BillLineItems is not { Count: > 0 } lines) return existing.Amount is not null;
        var theirs = lines.Select(l => l.Amount ?? 0m).Order().ToList();
        var ours = (wanted.BillLineItems ?? []).Select(l => l.Amount ?? 0m).Order().ToList();
        return theirs.SequenceEqual(ours);
    }

    private static decimal Total(VendorBill bill) => (bill.BillLineItems ?? []).Sum(l => l.Amount ?? 0m);

    private static string Describe(VendorBill bill) => string.Create(CultureInfo.InvariantCulture,
        $"{bill.Amount ?? Total(bill):0.00} in {bill.BillLineItems?.Count ?? 0} lines, {bill.PaymentStatus ?? "status unknown"}");

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Null while nothing is paid or scheduled on the bill; otherwise words for the operator.</summary>
    private static string? PaidState(VendorBill bill)
    {
        var paid = bill.PaidAmount ?? 0m;
        var scheduled = bill.ScheduledAmount ?? 0m;
        if (paid == 0m && scheduled == 0m && bill.PaymentStatus is null or BillPaymentStatus.Unpaid or BillPaymentStatus.Undefined) return null;
        return string.Create(CultureInfo.InvariantCulture, $"{bill.PaymentStatus ?? "paid"} (paid {paid:0.00}, scheduled {scheduled:0.00})");
    }
}
