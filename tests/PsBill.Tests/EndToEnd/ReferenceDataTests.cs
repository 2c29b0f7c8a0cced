using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage.Mappings;
using PsBill.Connector.Sync;
using PsBill.Simulators.PeopleSoft;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.EndToEnd;

/// <summary>SyncReferenceData against both simulators: creating what BILL lacks, and explicit overrides.</summary>
public sealed class ReferenceDataTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SyncReferenceData_CreateMissingOn_CreatesTheAccountAndDepartmentAndNothingParksForMapping()
    {
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 60,
            settings: new Dictionary<string, string?> { ["PsBill:Sync:CreateMissingClassifications"] = "true" });
        await world.RunCycleAsync();

        var accounts = new List<string>();
        await foreach (var entry in world.BillClient().ListChartOfAccountsAsync()) accounts.Add(entry.Account!.Number!);
        Assert.Single(accounts, n => n == PeopleSoftDataGenerator.AccountMissingFromBill);
        foreach (var key in world.PeopleSoft.Data.VouchersOnAccountsMissingFromBill)
        {
            var voucher = world.PeopleSoft.GetVouchers().Single(v => v.Key == key);
            Assert.Single(world.Bill.GetBills(), b => b.InvoiceNumber == voucher.InvoiceId);
        }

        // A second sync finds them by number and creates nothing more.
        await world.InvokeTimerAsync("SyncReferenceData");
        var again = new List<string>();
        await foreach (var entry in world.BillClient().ListChartOfAccountsAsync()) again.Add(entry.Account!.Number!);
        Assert.Equal(accounts.Count, again.Count);
    }

    [Fact]
    public async Task SyncReferenceData_OverridesFile_WinsOverMatching()
    {
        var path = Path.Combine(Path.GetTempPath(), $"psbill-overrides-{Guid.NewGuid():N}.csv");
        await using var world = await EndToEndWorld.StartAsync(azurite, vouchers: 10,
            settings: new Dictionary<string, string?> { ["PsBill:Sync:MappingOverridesFile"] = path });
        var misc = world.Bill.AddChartOfAccount("Miscellaneous", "699999");
        await File.WriteAllTextAsync(path, $"kind,source,billId\naccount,SHARE:{PeopleSoftDataGenerator.AccountMissingFromBill},{misc}\naccount,SHARE:610000,{misc}\n");

        await world.InvokeTimerAsync("SyncReferenceData");

        var mappings = world.Services.GetRequiredService<MappingStore>();
        Assert.Equal(misc, (await mappings.GetAsync(MappingKinds.Account, $"SHARE:{PeopleSoftDataGenerator.AccountMissingFromBill}"))!.BillId);
        Assert.Equal(misc, (await mappings.GetAsync(MappingKinds.Account, "SHARE:610000"))!.BillId);
        Assert.NotEqual(misc, (await mappings.GetAsync(MappingKinds.Account, "CAN01:610000"))!.BillId);
    }
}
