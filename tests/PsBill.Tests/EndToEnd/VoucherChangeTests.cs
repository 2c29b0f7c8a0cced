using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Ledger;
using PsBill.Simulators.Bill;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.EndToEnd;

/// <summary>Vouchers that change after they were sent: their bill follows while unpaid, and is archived when they are withdrawn.</summary>
public sealed class VoucherChangeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task PollVouchers_ChangedDeniedAndPaidVouchers_UpdatesArchivesAndParksAsDue()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 30);
        await world.RunCycleAsync();
        var sent = world.SendableVouchers();
        var (changed, denied, paid) = (sent[0], sent[1], sent[2]);
        var billOf = world.Bill.GetBills().ToDictionary(b => b.InvoiceNumber);

        // Changed: one more cent on the first distribution line (and the gross amount).
        world.PeopleSoft.ChangeVoucher(changed.BusinessUnit, changed.VoucherId, v => v with
        {
            GrossAmount = v.GrossAmount + 0.01m,
            Lines = [v.Lines[0] with { Distributions = [v.Lines[0].Distributions[0] with { Amount = v.Lines[0].Distributions[0].Amount + 0.01m }, .. v.Lines[0].Distributions.Skip(1)] }, .. v.Lines.Skip(1)],
        });
        // Denied after it was sent.
        world.PeopleSoft.DenyVoucher(denied.BusinessUnit, denied.VoucherId);
        // Paid in BILL, then changed in PeopleSoft.
        var paidBill = billOf[paid.InvoiceId];
        await world.Bill.PayAsync(new SimulatedPaymentRequest { Bills = [new SimulatedBillPayment(paidBill.Id)] });
        world.PeopleSoft.ChangeVoucher(paid.BusinessUnit, paid.VoucherId, v => v with { InvoiceDate = v.InvoiceDate.AddDays(-1) });

        await world.InvokeTimerAsync("PollVouchers");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        var bills = world.Bill.GetBills().ToDictionary(b => b.Id);
        var updated = bills[billOf[changed.InvoiceId].Id];
        Assert.Equal(changed.GrossAmount + 0.01m, updated.Amount);
        Assert.True(bills[billOf[denied.InvoiceId].Id].Archived);
        Assert.Equal(SyncStates.Archived, (await world.Ledger().GetAsync(denied.Key))!.State);
        var paidEntry = await world.Ledger().GetAsync(paid.Key);
        Assert.Equal(LedgerState.Parked, paidEntry!.State);
        Assert.Contains("PAID", paidEntry.ParkedReason);
        Assert.Equal(sent.Count, bills.Count);
        Assert.Equal(0, world.Bill.GetFigures().DuplicateBills);
    }

    [Fact]
    public async Task PollSuppliers_SupplierRenamed_UpdatesTheSameVendor()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 10);
        await world.RunCycleAsync();
        var supplier = world.PeopleSoft.GetSuppliers().First(s => s.Status == "A" && s.RawOverrides is null);
        var vendorId = (await world.VendorIdsBySupplierAsync())[supplier.Key];

        world.PeopleSoft.ChangeSupplier(supplier.SetId, supplier.VendorId, s => s with { Name = s.Name + " Holdings" });
        await world.InvokeTimerAsync("PollSuppliers");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        var vendor = await world.BillClient().GetVendorAsync(vendorId);
        Assert.Equal(supplier.Name + " Holdings", vendor.Name);
        Assert.Equal((await world.VendorIdsBySupplierAsync()).Count, world.Bill.GetFigures().Vendors);
        Assert.Equal(0, world.Bill.GetFigures().DuplicateVendors);
    }
}
