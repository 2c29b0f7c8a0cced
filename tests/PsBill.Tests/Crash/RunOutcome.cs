using PsBill.Connector.Storage.Failures;
using PsBill.Connector.Storage.Ledger;
using PsBill.Sandbox.World;
using PsBill.Simulators.Bill;
using PsBill.Tests.EndToEnd;

namespace PsBill.Tests.Crash;

/// <summary>What a run left behind, read from the simulators' own state and the ledger: the facts a crash must not change.</summary>
/// <param name="SendableVouchers">Approved vouchers with good data and mappable lines.</param>
/// <param name="Bills">Bills in BILL.</param>
/// <param name="VouchersNotOneBill">Sendable vouchers that are not exactly one bill (none, two, or a ledger row not done
/// or not pointing at a BILL bill with its invoice number), with why.</param>
/// <param name="BillsOfNoVoucher">BILL bills no sendable voucher's ledger row points at.</param>
/// <param name="Figures">BILL's own figures (duplicates, most calls in flight).</param>
/// <param name="Intents">Ledger rows left "intent".</param>
/// <param name="Parked">Parked ledger keys, with their reasons.</param>
/// <param name="LedgerFailed">Ledger rows in state "failed".</param>
/// <param name="FailedItems">Rows of the failures table (work given up after every retry).</param>
internal sealed record RunOutcome(
    int SendableVouchers,
    int Bills,
    IReadOnlyList<string> VouchersNotOneBill,
    IReadOnlyList<string> BillsOfNoVoucher,
    BillSimulatorFigures Figures,
    IReadOnlyList<string> Intents,
    IReadOnlyDictionary<string, string?> Parked,
    IReadOnlyList<string> LedgerFailed,
    IReadOnlyList<string> FailedItems)
{
    public static async Task<RunOutcome> ReadAsync(SandboxWorld world, LedgerStore ledger, FailedItemStore failures)
    {
        var bills = world.Bill.GetBills();
        var billsById = bills.ToDictionary(b => b.Id, StringComparer.Ordinal);
        var sameInvoice = bills.GroupBy(b => (b.VendorId, b.InvoiceNumber)).ToDictionary(g => g.Key, g => g.Count());
        var vouchers = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        await foreach (var entry in ledger.QueryByKindAsync("voucher")) vouchers[entry.Key] = entry;

        var sendable = world.SendableVouchers();
        var notOne = new List<string>();
        var pointedAt = new HashSet<string>(StringComparer.Ordinal);
        foreach (var voucher in sendable)
        {
            var entry = vouchers.GetValueOrDefault(voucher.Key);
            if (entry is not { RemoteId: { } billId } || entry.State != LedgerState.Done)
            {
                notOne.Add($"{voucher.Key}: ledger {entry?.State.Value ?? "none"} {entry?.ParkedReason}");
                continue;
            }
            if (!billsById.TryGetValue(billId, out var bill) || bill.InvoiceNumber != voucher.InvoiceId.Trim())
            {
                notOne.Add($"{voucher.Key}: ledger points at {billId}, which BILL does not hold with invoice {voucher.InvoiceId.Trim()}");
                continue;
            }
            if (sameInvoice[(bill.VendorId, bill.InvoiceNumber)] != 1) notOne.Add($"{voucher.Key}: {sameInvoice[(bill.VendorId, bill.InvoiceNumber)]} bills with invoice {bill.InvoiceNumber}");
            if (!pointedAt.Add(billId)) notOne.Add($"{voucher.Key}: bill {billId} is another voucher's too");
        }

        var failed = new List<string>();
        await foreach (var item in failures.ListAsync()) failed.Add($"{item.Key}: {item.Reason}");
        return new RunOutcome(
            sendable.Count,
            bills.Count,
            notOne,
            bills.Where(b => !pointedAt.Contains(b.Id)).Select(b => $"{b.Id} {b.InvoiceNumber}").ToList(),
            world.Bill.GetFigures(),
            await KeysAsync(ledger, LedgerState.Intent),
            await ParkedAsync(ledger),
            await KeysAsync(ledger, LedgerState.Failed),
            failed);
    }

    private static async Task<Dictionary<string, string?>> ParkedAsync(LedgerStore ledger)
    {
        var parked = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Parked)) parked[entry.Key] = entry.ParkedReason;
        return parked;
    }

    private static async Task<List<string>> KeysAsync(LedgerStore ledger, LedgerState state)
    {
        var keys = new List<string>();
        await foreach (var entry in ledger.QueryByStateAsync(state)) keys.Add($"{entry.Key}{(entry.ParkedReason is { } reason ? ": " + reason : "")}");
        return keys;
    }
}
