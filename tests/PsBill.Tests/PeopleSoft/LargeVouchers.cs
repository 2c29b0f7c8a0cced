using PsBill.Simulators.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

/// <summary>Makes a voucher far larger than a query response: one voucher line with thousands of distribution lines.</summary>
internal static class LargeVouchers
{
    /// <summary>A copy of <paramref name="template"/> under a new id with <paramref name="distributions"/> distribution lines of 1.00 each.</summary>
    public static SimulatedVoucher WithDistributions(SimulatedVoucher template, string voucherId, int distributions)
    {
        var first = template.Lines[0].Distributions[0];
        var rows = Enumerable.Range(1, distributions).Select(n => first with { LineNumber = n, Amount = 1.00m, Description = $"Row {n}" }).ToList();
        return template with
        {
            VoucherId = voucherId,
            InvoiceId = "BIG-" + voucherId,
            GrossAmount = distributions,
            Lines = [new SimulatedVoucherLine(1, "Many rows", rows)],
            RawOverrides = null,
        };
    }
}
