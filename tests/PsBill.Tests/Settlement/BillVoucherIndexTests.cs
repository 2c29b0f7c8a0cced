using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PsBill.Connector.Settlement;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Ledger;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Settlement;

/// <summary>The bill -> voucher index on Azurite: its own entries first, the ledger's voucher rows as the fallback.</summary>
public sealed class BillVoucherIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FindVoucherKeyAsync_NoEntry_FallsBackToLedgerAndRemembers()
    {
        var (storage, ledger, index) = await CreateAsync();
        await DoneAsync(ledger, "voucher:US001:00000042", "00n-bill-42");
        await DoneAsync(ledger, "voucher:US001:00000043", "00n-bill-43");

        Assert.Equal("voucher:US001:00000042", await index.FindVoucherKeyAsync("00n-bill-42"));
        Assert.Null(await index.FindVoucherKeyAsync("00n-unknown"));
        var remembered = await storage.Table(SettlementTables.BillVouchers).GetEntityIfExistsAsync<TableEntity>("bill", "00n-bill-42");
        Assert.Equal("voucher:US001:00000042", remembered.Value!.GetString("VoucherKey"));
    }

    [Fact]
    public async Task FindVoucherKeyAsync_Recorded_UsesTheIndex()
    {
        var (_, _, index) = await CreateAsync();
        await index.RecordAsync("00n-bill-7", "voucher:CA001:00000007");

        Assert.Equal("voucher:CA001:00000007", await index.FindVoucherKeyAsync("00n-bill-7"));
    }

    [Fact]
    public async Task FindVoucherKeyAsync_BillOnTwoVouchers_Throws()
    {
        var (_, ledger, index) = await CreateAsync();
        await DoneAsync(ledger, "voucher:US001:1", "00n-twice");
        await DoneAsync(ledger, "voucher:US002:1", "00n-twice");

        var ex = await Assert.ThrowsAsync<AmbiguousVoucherException>(() => index.FindVoucherKeyAsync("00n-twice"));
        Assert.Equal(["voucher:US001:1", "voucher:US002:1"], ex.VoucherKeys.Order(StringComparer.Ordinal));
    }

    private async Task<(PsBillStorage Storage, LedgerStore Ledger, BillVoucherIndex Index)> CreateAsync()
    {
        var storage = new PsBillStorage(new TableServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString),
            new BlobServiceClient(azurite.ConnectionString), new StorageNames(AzuriteFixture.UniquePrefix()));
        await storage.Table(StorageNames.Tables.Ledger).CreateIfNotExistsAsync();
        await storage.Table(SettlementTables.BillVouchers).CreateIfNotExistsAsync();
        return (storage, new LedgerStore(storage, TimeProvider.System), new BillVoucherIndex(storage));
    }

    private static async Task DoneAsync(LedgerStore ledger, string voucherKey, string billId)
    {
        var intent = await ledger.TryInsertIntentAsync(voucherKey, null, null);
        await ledger.UpdateAsync(intent.Entry with { State = LedgerState.Done, RemoteId = billId });
    }
}
