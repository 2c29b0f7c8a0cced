using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Reconciliation;
using PsBill.Connector.Storage.Ledger;
using PsBill.Sandbox.Phases;
using PsBill.Sandbox.Settlement;
using PsBill.Sandbox.World;
using PsBill.Tests.EndToEnd;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Reconciliation;

/// <summary>The tie-out over a real sandbox cycle (bills created, paid, partly voided, settled in PeopleSoft), then after hands
/// touched both systems behind the connector's back.</summary>
public sealed class TieOutSandboxTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task BuildAsync_AfterNormalCycle_NothingUnexplainedAndTotalsMatchBothSimulators()
    {
        await using var world = await StartCycleAsync();

        var report = await Build(world);

        Assert.Equal(0, report.Unexplained);
        Assert.True(report.Tied > 0);
        Assert.Equal(0m, report.Total.UnexplainedGrossDifference);
        Assert.Equal(0m, report.Total.UnexplainedPaidDifference);
        Assert.All(report.Lines.Where(l => l.Status == TieOutStatus.Tied), l =>
        {
            Assert.Equal(0m, l.GrossDifference);
            Assert.Equal(0m, l.PaidDifference);
        });
        // The totals, against each simulator's own state, to the cent.
        Assert.Equal(world.Bill.GetBills().Where(b => !b.Archived).Sum(b => b.Amount), report.Total.BillAmount);
        Assert.Equal(world.Bill.GetBills().Where(b => !b.Archived).Sum(b => b.PaidAmount), report.Total.BillPaid);
        Assert.Equal(world.PeopleSoft.GetPayments().Where(p => p.Action == "R" && p.Status == "P").Sum(p => p.Amount), report.Total.PeopleSoftPaid);
        Assert.True(report.Total.BillPaid > 0m, "the cycle paid nothing");
        Assert.Equal(report.Total.BillPaid, report.Total.PeopleSoftPaid);
        Assert.Equal(report.Lines.Where(l => l.Status == TieOutStatus.Explained).Sum(l => l.GrossDifference), report.Total.GrossDifference);
        // Every approved, readable voucher is a line of its business unit.
        foreach (var voucher in world.PeopleSoft.GetVouchers().Where(v => v.IsApproved))
            Assert.Contains(report.Lines, l => l.VoucherKey == voucher.Key);
    }

    [Fact]
    public async Task BuildAsync_ParkedVouchers_ExplainedWithTheirReason()
    {
        await using var world = await StartCycleAsync();

        var report = await Build(world);

        var parked = world.PeopleSoft.Data.VouchersOnAccountsMissingFromBill.Concat(world.PeopleSoft.Data.MalformedVouchers.Select(m => m.Key)).ToList();
        Assert.NotEmpty(parked);
        foreach (var key in parked)
        {
            var line = Assert.Single(report.Lines, l => l.VoucherKey == key);
            Assert.Equal(TieOutStatus.Explained, line.Status);
            var note = Assert.Single(line.Notes);
            Assert.Equal(TieOutCause.Parked, note.Cause);
            Assert.Contains(key, note.Text);
        }
    }

    [Fact]
    public async Task BuildAsync_BillEditedBillDeletedPaymentByHandBillWithoutVoucher_EachUnexplainedNamingIt()
    {
        await using var world = await StartCycleAsync();
        var before = await Build(world);
        var quiet = before.Lines.Where(l => l.Status == TieOutStatus.Tied && l.BillPaid == 0m && l.BillScheduled == 0m && l.BillId is not null).ToList();
        Assert.True(quiet.Count >= 3, $"need three tied, unpaid vouchers; have {quiet.Count}");
        var (edited, deleted, paidByHand) = (quiet[0], quiet[1], quiet[2]);

        world.Bill.EditBillLineAmount(edited.BillId!, 0, world.Bill.GetBills().Single(b => b.Id == edited.BillId).Lines[0].Amount + 10.01m);
        world.Bill.DeleteBill(deleted.BillId!);
        world.PeopleSoft.RecordPaymentByHand(paidByHand.BusinessUnit, paidByHand.VoucherId!, 25.50m, "HAND-0001", before.AsOf);
        var vendor = world.Bill.GetVendors()[0].Id;
        var orphan = await world.BillClient().CreateBillAsync(new PsBill.Connector.Bill.Models.VendorBill
        {
            VendorId = vendor, DueDate = before.AsOf, Invoice = new() { InvoiceNumber = "NO-VOUCHER-1", InvoiceDate = before.AsOf },
            BillLineItems = [new() { Amount = 99.99m, Description = "typed into BILL by hand" }],
        });

        var after = await Build(world);

        Assert.Equal(4, after.Unexplained);
        AssertUnexplained(after, edited.VoucherKey!, "edited in BILL");
        Assert.Equal(-10.01m, after.Lines.Single(l => l.VoucherKey == edited.VoucherKey).GrossDifference);
        AssertUnexplained(after, deleted.VoucherKey!, "not in BILL");
        AssertUnexplained(after, paidByHand.VoucherKey!, "HAND-0001");
        Assert.Equal(-25.50m, after.Lines.Single(l => l.VoucherKey == paidByHand.VoucherKey).PaidDifference);
        var bill = Assert.Single(after.Lines, l => l.BillId == orphan.Id);
        Assert.Equal(TieOutStatus.Unexplained, bill.Status);
        Assert.Null(bill.VoucherKey);
        Assert.Contains(orphan.Id!, bill.Notes.Single().Text);
        Assert.False(after.Total.Ties);
        Assert.Equal(-10.01m + deleted.BillAmount - 99.99m, after.Total.UnexplainedGrossDifference);
        Assert.Contains("unexplained", after.Total.Verdict);
    }

    private static void AssertUnexplained(TieOutReport report, string voucherKey, string words)
    {
        var line = Assert.Single(report.Lines, l => l.VoucherKey == voucherKey);
        Assert.Equal(TieOutStatus.Unexplained, line.Status);
        Assert.Contains(line.Notes, n => n.Cause == TieOutCause.Unexplained && n.Text.Contains(voucherKey, StringComparison.Ordinal)
                                         && n.Text.Contains(words, StringComparison.Ordinal));
    }

    private async Task<SandboxWorld> StartCycleAsync()
    {
        var world = await EndToEndWorld.StartAsync(azurite, suppliers: 10, vouchers: 40);
        try
        {
            await world.RunCycleAsync();
            await new PaymentSandboxPhase().RunAsync(new SandboxRun(world, new SandboxProgress(TextWriter.Null)));
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    private static Task<TieOutReport> Build(SandboxWorld world) =>
        ActivatorUtilities.GetServiceOrCreateInstance<TieOutService>(world.Services).BuildAsync();
}
