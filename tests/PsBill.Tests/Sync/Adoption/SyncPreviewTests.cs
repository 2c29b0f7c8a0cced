using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Adoption;
using PsBill.Connector.Sync.Ledger;
using PsBill.Connector.Sync.Preview;
using PsBill.Sandbox.World;
using PsBill.Tests.EndToEnd;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Sync.Adoption;

/// <summary><c>psbill sync --dry-run</c>: writes nothing anywhere, and says what the next cycle then does.</summary>
public sealed class SyncPreviewTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Preview_ChangesNothingInBillPeopleSoftOrStorage_AndItsCountsEqualTheNextCycle()
    {
        await using var world = await EndToEndWorldWithPreexisting.StartAsync(azurite);
        await world.InvokeTimerAsync("SyncReferenceData"); // the preview uses the stored mappings
        await world.DrainAsync(EndToEndWorld.DrainTimeout);
        var vendorsBefore = world.Bill.GetVendors().Count;
        var billsBefore = world.Bill.GetBills().Count;
        var before = await StateAsync(world);

        SyncPreviewReport preview;
        await using (var scope = world.Services.CreateAsyncScope())
            preview = await scope.ServiceProvider.GetRequiredService<SyncPreview>().PreviewAsync();

        Assert.Equal(before, await StateAsync(world));
        foreach (var action in new[] { PreviewAction.CreateVendor, PreviewAction.AdoptVendor, PreviewAction.CreateBill, PreviewAction.AdoptBill, PreviewAction.Park })
            Assert.True(preview.Count(action) > 0, $"the preview has no {action}");
        Assert.Contains(preview.Rows, r => r.Action == PreviewAction.Park && r.Detail.Contains("possible match", StringComparison.Ordinal));
        Assert.Contains(preview.Rows, r => r.Action == PreviewAction.Park && r.Detail.Contains("exists in BILL with other amounts", StringComparison.Ordinal));
        var csv = new StringWriter();
        await SyncPreviewWriter.WriteCsvAsync(preview, csv);
        Assert.Equal(preview.Rows.Count + 1, csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        await world.InvokeTimerAsync("PollSuppliers");
        await world.InvokeTimerAsync("PollVouchers");
        await world.DrainAsync(EndToEndWorld.DrainTimeout);

        var adoptions = world.Services.GetRequiredService<AdoptionStore>();
        int parked = 0, skipped = 0;
        await foreach (var row in world.Ledger().QueryByStateAsync(LedgerState.Parked)) parked++;
        await foreach (var row in world.Ledger().QueryByStateAsync(SyncStates.Skipped)) skipped++;
        Assert.Equal(preview.Count(PreviewAction.CreateVendor), world.Bill.GetVendors().Count - vendorsBefore);
        Assert.Equal(preview.Count(PreviewAction.AdoptVendor), await adoptions.CountLinksAsync(AdoptedKind.Vendor));
        Assert.Equal(preview.Count(PreviewAction.CreateBill), world.Bill.GetBills().Count - billsBefore);
        Assert.Equal(preview.Count(PreviewAction.AdoptBill), await adoptions.CountLinksAsync(AdoptedKind.Bill));
        Assert.Equal(preview.Count(PreviewAction.Park), parked);
        Assert.Equal(preview.Count(PreviewAction.Skip), skipped);
        Assert.Equal(0, world.Bill.GetFigures().DuplicateVendors);
        Assert.Equal(0, world.Bill.GetFigures().DuplicateBills);
    }

    /// <summary>Everything the preview could have written: BILL's vendors and bills as the API shows them (short names and
    /// update times included) and its payments, PeopleSoft's payments and figures, and every row of every table and the queue.</summary>
    private static async Task<string> StateAsync(SandboxWorld world)
    {
        var text = new StringBuilder();
        var client = world.BillClient();
        await foreach (var vendor in client.ListVendorsAsync()) text.AppendLine(JsonSerializer.Serialize(vendor));
        await foreach (var bill in client.ListBillsAsync()) text.AppendLine(JsonSerializer.Serialize(bill));
        text.AppendLine(JsonSerializer.Serialize(world.Bill.GetPayments()));
        text.AppendLine(JsonSerializer.Serialize(world.PeopleSoft.GetPayments()));
        var peopleSoft = JsonSerializer.SerializeToNode(world.PeopleSoft.GetFigures())!.AsObject();
        peopleSoft.Remove("Calls"); // reads count as calls; only what PeopleSoft holds must stay the same
        peopleSoft.Remove("MaxConcurrentCalls");
        text.AppendLine(peopleSoft.ToJsonString());
        text.AppendLine(JsonSerializer.Serialize(world.PeopleSoft.GetVouchers()));

        var storage = world.Services.GetRequiredService<PsBillStorage>();
        await foreach (var table in storage.TableService.QueryAsync(t => t.Name.CompareTo(world.Settings.StoragePrefix) >= 0))
        {
            if (!table.Name.StartsWith(world.Settings.StoragePrefix, StringComparison.Ordinal)) continue;
            await foreach (var entity in storage.TableService.GetTableClient(table.Name).QueryAsync<TableEntity>())
                text.AppendLine($"{table.Name} {entity.PartitionKey} {entity.RowKey} {entity.ETag}");
        }
        text.AppendLine("orchestrations " + await world.Flows.ActiveCountAsync());
        return text.ToString();
    }
}
