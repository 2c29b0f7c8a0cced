using PsBill.Simulators.Bill;
using PsBill.Simulators.PeopleSoft;

namespace PsBill.Sandbox.World;

/// <summary>
/// Seeds BILL with what AP keyed in by hand before go-live (<c>--preexisting N</c>): N vendors, a third of them the very
/// supplier (same name, email and address), a third with a typo in the name (same email and address: unsure), a third
/// unrelated; and, for the vouchers of the exact ones, hand-keyed bills: the same amounts unpaid, the same amounts paid in
/// BILL, and another amount.
/// </summary>
public static class PreexistingData
{
    /// <summary>Seeds and returns what was seeded.</summary>
    public static async Task<PreexistingSeed> SeedAsync(BillSimulator bill, PeopleSoftDataSet data, int count)
    {
        ArgumentNullException.ThrowIfNull(bill);
        ArgumentNullException.ThrowIfNull(data);
        if (count <= 0) return PreexistingSeed.None;

        var sendable = Sendable(data);
        var suppliers = data.Suppliers
            .Where(s => s.Status == "A" && s.Addresses.Count > 0 && sendable.ContainsKey(s.Key) && !data.MalformedSuppliers.Any(m => m.Key == s.Key))
            .OrderByDescending(s => Math.Min(3, sendable[s.Key].Count)) // suppliers with three vouchers first: same, paid, other amount
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var misspelled = new Dictionary<string, string>(StringComparer.Ordinal);
        var unrelated = new List<string>();
        var same = new Dictionary<string, string>(StringComparer.Ordinal);
        var paid = new HashSet<string>(StringComparer.Ordinal);
        var other = new Dictionary<string, string>(StringComparer.Ordinal);

        for (var i = 0; i < count; i++)
        {
            if (i % 3 == 2 || i / 3 * 2 + i % 3 >= suppliers.Count)
            {
                unrelated.Add(bill.AddVendor(new SimulatedVendorSeed($"Harborview Catering Group {i + 1}", $"ap{i + 1}@harborview.test")));
                continue;
            }

            var supplier = suppliers[i / 3 * 2 + i % 3];
            var address = supplier.Addresses.OrderBy(a => a.SequenceNumber).ThenByDescending(a => a.EffectiveDate).First();
            var seed = new SimulatedVendorSeed(supplier.Name, address.Email, address.Address1, address.City, address.PostalCode, "US");
            if (i % 3 == 1)
            {
                misspelled[supplier.Key] = bill.AddVendor(seed with { Name = Misspell(supplier.Name) });
                continue;
            }

            var vendorId = bill.AddVendor(seed);
            exact[supplier.Key] = vendorId;
            var vouchers = sendable[supplier.Key];
            for (var v = 0; v < vouchers.Count && v < 3; v++)
            {
                var voucher = vouchers[v];
                var amounts = voucher.Distributions.Select(d => d.Amount).ToList();
                if (v == 2) amounts[0] += 10m;
                var billId = bill.AddBill(vendorId, voucher.InvoiceId, voucher.InvoiceDate, voucher.DueDate, amounts);
                if (v == 2)
                {
                    other[voucher.Key] = billId;
                    continue;
                }
                same[voucher.Key] = billId;
                if (v == 1)
                {
                    await bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(billId)] }).ConfigureAwait(false);
                    paid.Add(voucher.Key);
                }
            }
        }

        return new PreexistingSeed(exact, misspelled, unrelated, same, paid, other);
    }

    /// <summary>The approved vouchers that can become bills as seeded, per supplier key, in key order.</summary>
    private static Dictionary<string, List<SimulatedVoucher>> Sendable(PeopleSoftDataSet data)
    {
        var malformed = data.MalformedVouchers.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var unmappable = data.VouchersOnAccountsMissingFromBill.ToHashSet(StringComparer.Ordinal);
        return data.Vouchers
            .Where(v => v.IsApproved && v.EntryStatus == "P" && v.CloseStatus != "C" && !malformed.Contains(v.Key) && !unmappable.Contains(v.Key))
            .GroupBy(v => $"supplier:{v.VendorSetId}:{v.VendorId}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Key, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    /// <summary>A typo: the second letter of the longest word of letters dropped ("Northwind" -> "Nrthwind").</summary>
    private static string Misspell(string name)
    {
        var words = name.Split(' ');
        var longest = Array.IndexOf(words, words.Where(w => w.All(char.IsLetter)).DefaultIfEmpty(words[0]).MaxBy(w => w.Length));
        if (words[longest].Length > 3) words[longest] = words[longest].Remove(1, 1);
        else words[longest] += "x";
        return string.Join(' ', words);
    }
}
