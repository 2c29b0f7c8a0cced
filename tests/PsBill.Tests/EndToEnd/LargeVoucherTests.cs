using PsBill.Connector.Storage.Ledger;
using PsBill.Tests.Infrastructure;
using PsBill.Tests.PeopleSoft;

namespace PsBill.Tests.EndToEnd;

/// <summary>Issue 11: one voucher with more distribution rows than a query response stopped the whole voucher feed.</summary>
public sealed class LargeVoucherTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task PollVouchers_TenThousandLineVoucherAmongNormalOnes_ParkedWithItsReasonEveryOtherVoucherBecomesABill()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 30);
        var sendable = world.SendableVouchers();
        var big = world.PeopleSoft.AddVoucher(LargeVouchers.WithDistributions(sendable[0], "09999999", 10_000));
        // These change after the big voucher, so the feed reaches them only by getting past it.
        foreach (var later in sendable.Take(4)) world.PeopleSoft.ChangeVoucher(later.BusinessUnit, later.VoucherId, v => v with { DueDate = v.DueDate.AddDays(3) });

        await world.RunCycleAsync();

        var row = await world.Ledger().GetAsync(big.Key);
        Assert.Equal(LedgerState.Parked, row!.State);
        Assert.Contains("MaxRows", row.ParkedReason);
        Assert.Contains("(1000) of query PSB_APPROVED_VOUCHERS", row.ParkedReason);
        var invoices = world.Bill.GetBills().Select(b => b.InvoiceNumber).ToHashSet(StringComparer.Ordinal);
        Assert.All(world.SendableVouchers().Where(v => v.Key != big.Key), v => Assert.Contains(v.InvoiceId, invoices));
        Assert.DoesNotContain(big.InvoiceId, invoices);
    }
}
