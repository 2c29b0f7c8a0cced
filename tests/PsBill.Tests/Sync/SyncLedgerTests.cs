using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Time.Testing;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Engine;
using PsBill.Connector.Sync.Ledger;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Sync;

/// <summary>The exactly-once claims on a real ledger table (Azurite), with fake time for the in-flight timeout.</summary>
public sealed class SyncLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "voucher:US001:00000001";
    private static readonly SyncDetail Sent = new() { VendorId = "009-v", InvoiceNumber = "INV-1" };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ClaimAsync_NewRecord_WritesIntentAndCreates()
    {
        var ledger = await LedgerAsync();

        var claim = await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, "run-1");

        Assert.Equal(ClaimDecision.Create, claim.Decision);
        Assert.Equal(LedgerState.Intent, (await ledger.GetAsync(Key))!.State);
    }

    [Fact]
    public async Task ClaimAsync_YoungIntentOfAnotherAttempt_WaitsUntilTheInFlightTimeout()
    {
        var ledger = await LedgerAsync();
        await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null);
        _time.Advance(TimeSpan.FromSeconds(20));

        var second = await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null);

        Assert.Equal(ClaimDecision.Wait, second.Decision);
        Assert.Equal(TimeSpan.FromSeconds(40), second.RetryAfter);
    }

    [Fact]
    public async Task ClaimAsync_IntentOlderThanTimeout_LooksUpWhatThatAttemptRecorded()
    {
        var ledger = await LedgerAsync();
        await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null);
        _time.Advance(TimeSpan.FromMinutes(2));

        var claim = await ledger.ClaimAsync(Key, SyncAction.Send, "h2", Sent with { InvoiceNumber = "INV-1b" }, null);

        Assert.Equal(ClaimDecision.LookupThenCreate, claim.Decision);
        Assert.Equal("INV-1", claim.PreviousDetail.InvoiceNumber);
    }

    [Fact]
    public async Task ClaimAsync_CallEndedWithoutAnswer_LooksUpAtOnce()
    {
        var ledger = await LedgerAsync();
        var first = await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null);
        await ledger.RecordCallEndedAsync(first.Entry!);

        var claim = await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null);

        Assert.Equal(ClaimDecision.LookupThenCreate, claim.Decision);
    }

    [Fact]
    public async Task ClaimAsync_DoneWithSameHash_AlreadyThere_OtherHash_Update()
    {
        var ledger = await LedgerAsync();
        var first = await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null);
        await ledger.RecordDoneAsync(first.Entry!, "00n-bill", "h1", Sent);

        Assert.Equal(ClaimDecision.AlreadyThere, (await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null)).Decision);
        var update = await ledger.ClaimAsync(Key, SyncAction.Send, "h2", Sent, null);
        Assert.Equal(ClaimDecision.Update, update.Decision);
        Assert.Equal("00n-bill", update.Entry!.RemoteId);
    }

    [Fact]
    public async Task ClaimAsync_TwoWorkersOnOneStaleIntent_OnlyOneClaimsIt()
    {
        var ledger = await LedgerAsync();
        await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null);
        _time.Advance(TimeSpan.FromMinutes(2));

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null)));

        Assert.Single(claims, c => c.Decision == ClaimDecision.LookupThenCreate);
        Assert.All(claims.Where(c => c.Decision != ClaimDecision.LookupThenCreate), c => Assert.Equal(ClaimDecision.Wait, c.Decision));
    }

    [Fact]
    public async Task RecordParkedAsync_IntentWhoseCreateMayHaveLanded_NextSendLooksUpFirst()
    {
        var ledger = await LedgerAsync();
        var first = await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null);
        await ledger.RecordCallEndedAsync(first.Entry!);
        await ledger.RecordParkedAsync(Key, null, "mapping removed", ParkCause.Mapping, null);

        var claim = await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null);

        Assert.Equal(ClaimDecision.LookupThenCreate, claim.Decision);
    }

    [Fact]
    public async Task RecordParkedAsync_NeverSent_NextSendCreatesWithoutLookup()
    {
        var ledger = await LedgerAsync();
        await ledger.RecordParkedAsync(Key, null, "unmapped", ParkCause.Mapping, null);

        var claim = await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null);

        Assert.Equal(ClaimDecision.Create, claim.Decision);
    }

    [Fact]
    public async Task ClaimAsync_ArchiveOfSomethingNeverSent_RecordsOnly_ArchiveOfDone_Archives()
    {
        var ledger = await LedgerAsync();
        Assert.Equal(ClaimDecision.Record, (await ledger.ClaimAsync(Key, SyncAction.Archive, null, new SyncDetail(), null)).Decision);

        var first = await ledger.ClaimAsync(Key, SyncAction.Send, "h1", Sent, null);
        await ledger.RecordDoneAsync(first.Entry!, "00n-bill", "h1", Sent);
        Assert.Equal(ClaimDecision.Archive, (await ledger.ClaimAsync(Key, SyncAction.Archive, null, new SyncDetail(), null)).Decision);
    }

    private async Task<SyncLedger> LedgerAsync()
    {
        var connection = azurite.ConnectionString;
        var storage = new PsBillStorage(new TableServiceClient(connection), new QueueServiceClient(connection), new BlobServiceClient(connection), new StorageNames(AzuriteFixture.UniquePrefix()));
        await storage.Table(StorageNames.Tables.Ledger).CreateIfNotExistsAsync();
        return new SyncLedger(new LedgerStore(storage, _time), _time, SyncSamples.Options(o => o.InFlightTimeout = TimeSpan.FromMinutes(1)));
    }
}
