namespace PsBill.Sandbox.World;

/// <summary>What was keyed into BILL "by hand" before the connector (<c>--preexisting N</c>), for tests and the summary.</summary>
/// <param name="ExactVendors">Supplier key -> the BILL vendor with its very name, email and address (adopted).</param>
/// <param name="MisspelledVendors">Supplier key -> the BILL vendor with a typo in its name (proposed to an operator).</param>
/// <param name="UnrelatedVendors">BILL vendors that are no supplier's (left alone).</param>
/// <param name="SameAmountBills">Voucher key -> a hand-keyed bill with its invoice number and amounts (adopted).</param>
/// <param name="PaidBills">Those of <paramref name="SameAmountBills"/> paid in BILL before the connector (posted back once).</param>
/// <param name="OtherAmountBills">Voucher key -> a hand-keyed bill with its invoice number but another amount (parked).</param>
public sealed record PreexistingSeed(
    IReadOnlyDictionary<string, string> ExactVendors,
    IReadOnlyDictionary<string, string> MisspelledVendors,
    IReadOnlyList<string> UnrelatedVendors,
    IReadOnlyDictionary<string, string> SameAmountBills,
    IReadOnlySet<string> PaidBills,
    IReadOnlyDictionary<string, string> OtherAmountBills)
{
    /// <summary>Nothing seeded.</summary>
    public static readonly PreexistingSeed None = new(
        new Dictionary<string, string>(), new Dictionary<string, string>(), [], new Dictionary<string, string>(), new HashSet<string>(), new Dictionary<string, string>());
}
