using PsBill.Workflows.Replay;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Bill;
using PsBill.Connector.Storage.Ledger;
using PsBill.Sandbox.World;
using PsBill.Simulators.PeopleSoft;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.EndToEnd;

/// <summary>
/// A sandbox world for one test: the shared Azurite with a prefix of its own, both simulators with a small seeded data set,
/// and the standalone host in-process, with short retry and in-flight times so that retries resolve in a second or two.
/// </summary>
internal static class EndToEndWorld
{
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(3);

    public static Task<SandboxWorld> StartAsync(AzuriteFixture azurite, int suppliers = 12, int vouchers = 40, IReadOnlyDictionary<string, string?>? settings = null,
        int preexisting = 0, Action<IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["PsBill:Sync:InFlightTimeout"] = "00:00:03",
            ["PsBill:Sync:RetryDelay"] = "00:00:00.200",
            ["PsBill:Sync:WithdrawnSweepInterval"] = "00:00:00",
            ["PsBill:Sync:PollChunkSize"] = "25",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        return SandboxWorld.StartAsync(new SandboxSettings
        {
            Suppliers = suppliers,
            Vouchers = vouchers,
            Preexisting = preexisting,
            StorageConnectionString = azurite.ConnectionString,
            StoragePrefix = AzuriteFixture.UniquePrefix(),
            Settings = values,
        }, configureServices: configureServices);
    }

    /// <summary>SyncReferenceData, PollSuppliers, PollVouchers, then the queue worked off.</summary>
    public static async Task RunCycleAsync(this SandboxWorld world)
    {
        await world.InvokeTimerAsync("SyncReferenceData");
        await world.InvokeTimerAsync("PollSuppliers");
        await world.InvokeTimerAsync("PollVouchers");
        await world.DrainAsync(DrainTimeout);
    }

    /// <summary>The approved vouchers that can become bills with BILL as seeded: not malformed, not on an account or department BILL lacks.</summary>
    public static IReadOnlyList<SimulatedVoucher> SendableVouchers(this SandboxWorld world)
    {
        var data = world.PeopleSoft.Data;
        var malformed = data.MalformedVouchers.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var unmappable = data.VouchersOnAccountsMissingFromBill.ToHashSet(StringComparer.Ordinal);
        return world.PeopleSoft.GetVouchers().Where(v => v.IsApproved && !malformed.Contains(v.Key) && !unmappable.Contains(v.Key)).ToList();
    }

    /// <summary>Starts a Replay orchestration, as the ops page does.</summary>
    public static async Task<ReplayStart> ReplayAsync(this SandboxWorld world, ReplayRequest request) =>
        await world.Services.GetRequiredService<ReplayStarter>().StartAsync(await world.Flows.ClientAsync(), request, "test");

    public static BillClient BillClient(this SandboxWorld world) => world.Services.GetRequiredService<BillClient>();

    public static LedgerStore Ledger(this SandboxWorld world) => world.Services.GetRequiredService<LedgerStore>();

    /// <summary>BILL's vendor id per PeopleSoft supplier key, from the vendors' shortName marker.</summary>
    public static async Task<Dictionary<string, string>> VendorIdsBySupplierAsync(this SandboxWorld world)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var vendor in world.BillClient().ListVendorsAsync())
        {
            if (vendor.ShortName is { } marker && vendor.Id is { } id) Assert.True(ids.TryAdd("supplier:" + marker, id), $"two BILL vendors carry {marker}");
        }
        return ids;
    }
}
