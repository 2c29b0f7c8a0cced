using PsBill.Workflows.Replay;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Adoption;
using PsBill.Connector.Sync.Ledger;
using PsBill.Sandbox.World;
using PsBill.Tests.EndToEnd;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Sync.Adoption;

/// <summary>The first connect to a BILL that AP filled by hand: vendors and bills adopted, unsure ones parked, no duplicates.</summary>
public sealed class AdoptionEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FirstCycle_PreexistingVendorsAndBills_AdoptedWithoutDuplicates_PaidOnesPostedBackOnce()
    {
        await using var world = await StartAsync();
        var seeded = world.Preexisting;
        Assert.Equal(2, seeded.ExactVendors.Count);
        Assert.NotEmpty(seeded.PaidBills);
        Assert.NotEmpty(seeded.OtherAmountBills);
        var billsBefore = world.Bill.GetBills().Count;

        await world.RunCycleAsync();

        var figures = world.Bill.GetFigures();
        Assert.Equal(0, figures.DuplicateVendors);
        Assert.Equal(0, figures.DuplicateBills);
        var vendors = world.Bill.GetVendors();
        foreach (var (supplierKey, vendorId) in seeded.ExactVendors)
        {
            var entry = await world.Ledger().GetAsync(supplierKey);
            Assert.Equal(LedgerState.Done, entry!.State);
            Assert.Equal(vendorId, entry.RemoteId); // the existing vendor, not a new one
            Assert.True(SyncDetail.Parse(entry.Detail).Adopted);
            Assert.Equal(vendorId, (await world.VendorIdsBySupplierAsync())[supplierKey]); // marked with PsBill's shortName
            Assert.Single(vendors, v => v.Id == vendorId);
            Assert.DoesNotContain(vendors, v => v.Id != vendorId && v.Name == vendors.Single(x => x.Id == vendorId).Name);
        }

        var bills = world.Bill.GetBills();
        foreach (var voucher in world.SendableVouchers().Where(v => seeded.ExactVendors.ContainsKey($"supplier:{v.VendorSetId}:{v.VendorId}")))
        {
            var entry = await world.Ledger().GetAsync(voucher.Key);
            if (seeded.OtherAmountBills.TryGetValue(voucher.Key, out var otherBill))
            {
                Assert.Equal(LedgerState.Parked, entry!.State);
                Assert.Equal(ParkCause.Existing, SyncDetail.Parse(entry.Detail).Cause);
                Assert.Contains("exists in BILL with other amounts", entry.ParkedReason);
                Assert.Contains(otherBill, entry.ParkedReason);
                Assert.Contains(voucher.GrossAmount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), entry.ParkedReason);
                continue;
            }
            Assert.Equal(LedgerState.Done, entry!.State);
            var bill = Assert.Single(bills, b => b.InvoiceNumber == voucher.InvoiceId);
            Assert.Equal(seeded.ExactVendors[$"supplier:{voucher.VendorSetId}:{voucher.VendorId}"], bill.VendorId); // on the existing vendor
            Assert.Equal(bill.Id, entry.RemoteId);
            if (seeded.SameAmountBills.TryGetValue(voucher.Key, out var handKeyed))
            {
                Assert.Equal(handKeyed, entry.RemoteId); // adopted, not created again
                Assert.True(SyncDetail.Parse(entry.Detail).Adopted);
                Assert.Equal(voucher.Key, await world.Services.GetRequiredService<BillVoucherIndex>().FindVoucherKeyAsync(handKeyed));
            }
        }
        // Every bill PsBill holds for a voucher is either one it created or one it adopted; nothing else was added to BILL.
        var created = 0;
        var adopted = 0;
        await foreach (var row in world.Ledger().QueryByKindAsync("voucher"))
        {
            if (row.State != LedgerState.Done) continue;
            if (SyncDetail.Parse(row.Detail).Adopted) adopted++;
            else created++;
        }
        Assert.Equal(seeded.SameAmountBills.Count, adopted);
        Assert.Equal(billsBefore + created, bills.Count);

        // What BILL paid before go-live on an adopted bill is posted to its voucher, once, even when polled twice.
        await world.InvokeTimerAsync("PollPayments");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);
        await world.InvokeTimerAsync("PollPayments");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);
        var payments = world.PeopleSoft.GetPayments();
        foreach (var paid in seeded.PaidBills)
        {
            var voucher = world.PeopleSoft.GetVouchers().Single(v => v.Key == paid);
            var recorded = Assert.Single(payments, p => $"voucher:{p.BusinessUnit}:{p.VoucherId}" == paid && p.Status == "P");
            Assert.Equal(voucher.GrossAmount, recorded.Amount);
        }
        Assert.Equal(0, world.PeopleSoft.GetFigures().DuplicatePayments);
    }

    [Fact]
    public async Task UnsureVendors_ParkedWithCandidates_ConfirmLinksAndVouchersGo_RejectCreatesOneVendor()
    {
        await using var world = await StartAsync();
        await world.RunCycleAsync();
        var misspelled = world.Preexisting.MisspelledVendors.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(2, misspelled.Count);
        var review = world.Services.CreateScope().ServiceProvider.GetRequiredService<VendorMatchReview>();
        var proposals = await review.ListAsync();
        foreach (var (supplierKey, vendorId) in misspelled)
        {
            var entry = await world.Ledger().GetAsync(supplierKey);
            Assert.True(LedgerState.Parked == entry!.State, $"{supplierKey} {entry.State} {entry.RemoteId} {entry.Detail}; BILL: "
                + string.Join(", ", world.Bill.GetVendors().Select(v => v.Name)));
            Assert.Equal(ParkCause.Match, SyncDetail.Parse(entry.Detail).Cause);
            Assert.Contains("possible match", entry.ParkedReason);
            Assert.Contains(vendorId, entry.ParkedReason);
            var proposal = Assert.Single(proposals, p => p.SupplierKey == supplierKey);
            Assert.Equal(ProposalStatus.Pending, proposal.Status);
            var candidate = Assert.Single(proposal.Candidates, c => c.VendorId == vendorId);
            Assert.InRange(candidate.Score, 45, 79);
        }
        var vendorsBefore = world.Bill.GetVendors().Count;

        var (confirmKey, confirmVendor) = misspelled[0];
        var (rejectKey, rejectedVendor) = misspelled[1];
        await review.ConfirmAsync(confirmKey, confirmVendor);
        await review.RejectAsync(rejectKey);
        await world.ReplayAsync(new ReplayRequest([confirmKey, rejectKey]));
        await world.DrainAsync(EndToEndWorld.DrainTimeout);
        await world.InvokeTimerAsync("PollVouchers"); // retries the vouchers parked for their vendor
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        var confirmed = await world.Ledger().GetAsync(confirmKey);
        Assert.Equal(LedgerState.Done, confirmed!.State);
        Assert.Equal(confirmVendor, confirmed.RemoteId);
        var rejected = await world.Ledger().GetAsync(rejectKey);
        Assert.Equal(LedgerState.Done, rejected!.State);
        Assert.NotEqual(rejectedVendor, rejected.RemoteId);
        Assert.Equal(vendorsBefore + 1, world.Bill.GetVendors().Count); // reject: exactly one new vendor; confirm: none

        var bills = world.Bill.GetBills();
        foreach (var voucher in VouchersOfMisspelled(world))
        {
            var bill = Assert.Single(bills, b => b.InvoiceNumber == voucher.InvoiceId);
            var supplierKey = $"supplier:{voucher.VendorSetId}:{voucher.VendorId}";
            Assert.Equal(supplierKey == confirmKey ? confirmVendor : rejected.RemoteId, bill.VendorId);
            Assert.Equal(LedgerState.Done, (await world.Ledger().GetAsync(voucher.Key))!.State);
        }
        Assert.Equal(0, world.Bill.GetFigures().DuplicateVendors);
        Assert.Equal(0, world.Bill.GetFigures().DuplicateBills);
    }

    [Fact]
    public async Task Cutover_OlderVouchersLeftOut_NotSentAndSkippedWithTheReason()
    {
        await using var probe = await EndToEndWorld.StartAsync(azurite, suppliers: 10, vouchers: 30);
        var dates = probe.SendableVouchers().Select(v => v.AccountingDate).Order().ToList();
        var cutover = dates[dates.Count / 2];
        await probe.DisposeAsync();

        await using var world = await EndToEndWorld.StartAsync(azurite, suppliers: 10, vouchers: 30,
            settings: new Dictionary<string, string?> { ["PsBill:Sync:CutoverDate"] = cutover.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        await world.RunCycleAsync();
        var bills = world.Bill.GetBills();
        var older = world.SendableVouchers().Where(v => v.AccountingDate < cutover).ToList();
        Assert.NotEmpty(older);
        foreach (var voucher in world.SendableVouchers())
        {
            var entry = await world.Ledger().GetAsync(voucher.Key);
            if (voucher.AccountingDate < cutover)
            {
                Assert.DoesNotContain(bills, b => b.InvoiceNumber == voucher.InvoiceId);
                Assert.Equal(SyncStates.Skipped, entry!.State);
                Assert.Contains("before the cutover date", entry.ParkedReason);
            }
            else
            {
                Assert.Single(bills, b => b.InvoiceNumber == voucher.InvoiceId);
            }
        }
    }

    private Task<SandboxWorld> StartAsync() =>
        EndToEndWorldWithPreexisting.StartAsync(azurite);

    private static List<PsBill.Simulators.PeopleSoft.SimulatedVoucher> VouchersOfMisspelled(SandboxWorld world) =>
        world.SendableVouchers().Where(v => world.Preexisting.MisspelledVendors.ContainsKey($"supplier:{v.VendorSetId}:{v.VendorId}")).ToList();
}
