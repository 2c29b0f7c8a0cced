using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Simulators.PeopleSoft;
using PsBill.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace PsBill.Tests.EndToEnd;

/// <summary>The main flow on Azurite and both simulators: PeopleSoft vouchers become BILL bills exactly once.</summary>
public sealed class FullCycleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RunCycle_SeededWorld_EveryMappableVoucherIsExactlyOneRightBill()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite);
        await world.RunCycleAsync();

        var sendable = world.SendableVouchers();
        Assert.NotEmpty(sendable);
        var vendors = await world.VendorIdsBySupplierAsync();
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entry in world.BillClient().ListChartOfAccountsAsync()) accounts[entry.Account!.Number!] = entry.Id!;
        var departments = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entry in world.BillClient().ListDepartmentsAsync()) departments[entry.ShortName!] = entry.Id!;

        var bills = world.Bill.GetBills();
        foreach (var voucher in sendable)
        {
            var bill = Assert.Single(bills, b => b.InvoiceNumber == voucher.InvoiceId);
            Assert.Equal(vendors[$"supplier:{voucher.VendorSetId}:{voucher.VendorId}"], bill.VendorId);
            Assert.Equal(voucher.InvoiceDate, bill.InvoiceDate);
            Assert.Equal(voucher.DueDate, bill.DueDate);
            Assert.Equal(voucher.GrossAmount, bill.Amount);
            var distributions = voucher.Distributions.ToList();
            Assert.Equal(distributions.Count, bill.Lines.Count);
            for (var i = 0; i < distributions.Count; i++)
            {
                Assert.Equal(distributions[i].Amount, bill.Lines[i].Amount);
                Assert.Equal(accounts[distributions[i].Account], bill.Lines[i].ChartOfAccountId);
                Assert.Equal(departments[distributions[i].DeptId], bill.Lines[i].DepartmentId);
            }
            var entry = await world.Ledger().GetAsync(voucher.Key);
            Assert.Equal(LedgerState.Done, entry!.State);
            Assert.Equal(bill.Id, entry.RemoteId);
        }
        Assert.Equal(sendable.Count, bills.Count);
        var figures = world.Bill.GetFigures();
        Assert.Equal(0, figures.DuplicateBills);
        Assert.Equal(0, figures.DuplicateVendors);
        Assert.Equal(0, figures.InvalidLineClassifications);
        Assert.Equal(0, figures.BillAmountMismatches);
    }

    [Fact]
    public async Task RunCycle_UnmappableAndMalformedVouchers_ParkedWithReasonsThenSentOnceMappingIsFixed()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 60);
        await world.RunCycleAsync();
        var data = world.PeopleSoft.Data;
        Assert.NotEmpty(data.VouchersOnAccountsMissingFromBill);

        foreach (var key in data.VouchersOnAccountsMissingFromBill)
        {
            var entry = await world.Ledger().GetAsync(key);
            Assert.Equal(LedgerState.Parked, entry!.State);
            Assert.Contains(key, entry.ParkedReason);
            Assert.True(entry.ParkedReason!.Contains(PeopleSoftDataGenerator.AccountMissingFromBill, StringComparison.Ordinal)
                        || entry.ParkedReason.Contains(PeopleSoftDataGenerator.DepartmentMissingFromBill, StringComparison.Ordinal), entry.ParkedReason);
        }
        foreach (var malformed in data.MalformedVouchers)
        {
            var entry = await world.Ledger().GetAsync(malformed.Key);
            Assert.Equal(LedgerState.Parked, entry!.State);
            Assert.Contains(malformed.Field, entry.ParkedReason);
        }

        // The operator adds the missing account and department in BILL; the next reference sync maps them and re-tries the parked vouchers.
        world.Bill.AddChartOfAccount("Legacy Suspense", PeopleSoftDataGenerator.AccountMissingFromBill);
        world.Bill.AddDepartment("Closed Projects", PeopleSoftDataGenerator.DepartmentMissingFromBill);
        await world.InvokeTimerAsync("SyncReferenceData");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        var bills = world.Bill.GetBills();
        foreach (var key in data.VouchersOnAccountsMissingFromBill)
        {
            var voucher = world.PeopleSoft.GetVouchers().Single(v => v.Key == key);
            Assert.Single(bills, b => b.InvoiceNumber == voucher.InvoiceId);
            Assert.Equal(LedgerState.Done, (await world.Ledger().GetAsync(key))!.State);
        }
        Assert.Equal(0, world.Bill.GetFigures().DuplicateBills);
    }

    [Fact]
    public async Task PollVouchers_SecondTimeWithNothingChanged_CreatesNothing()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite);
        await world.RunCycleAsync();
        var before = world.Bill.GetFigures();

        await world.InvokeTimerAsync("PollSuppliers");
        await world.InvokeTimerAsync("PollVouchers");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        var after = world.Bill.GetFigures();
        Assert.Equal(before.Bills, after.Bills);
        Assert.Equal(before.Vendors, after.Vendors);
        var runs = world.Services.GetRequiredService<RunStore>();
        var last = (await runs.ListRecentAsync(1, "PollVouchers")).Single();
        Assert.Equal(0, last.Counts.Seen);
        Assert.Equal(0, last.Counts.Created);
    }
}
