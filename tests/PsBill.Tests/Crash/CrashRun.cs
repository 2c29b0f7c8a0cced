using PsBill.Sandbox.World;

namespace PsBill.Tests.Crash;

/// <summary>
/// The data and settings every crash test and its crash-free baseline share: the 200 suppliers and 1,500 vouchers
/// of one seed, and recovery times as short as the Durable storage provider allows (a killed host's messages come back
/// after the 1-minute visibility timeout; an intent older than the in-flight or claim timeout is looked up at once).
/// </summary>
internal static class CrashRun
{
    public const int Suppliers = 200;
    public const int Vouchers = 1500;
    public const int Seed = 42;

    /// <summary>The flows of a first load, in order.</summary>
    public static readonly string[] Flows = ["SyncReferenceData", "PollSuppliers", "PollVouchers"];

    public static SandboxSettings Settings(string storageConnectionString, string storagePrefix, bool inProcessHost, int suppliers = Suppliers, int vouchers = Vouchers) => new()
    {
        Suppliers = suppliers,
        Vouchers = vouchers,
        Seed = Seed,
        // Each BILL call takes a little while, so a kill lands while calls are in flight (and rows are "intent").
        BillLatency = TimeSpan.FromMilliseconds(50),
        StorageConnectionString = storageConnectionString,
        StoragePrefix = storagePrefix,
        InProcessHost = inProcessHost,
        Settings = new Dictionary<string, string?>
        {
            ["PsBill:Sync:InFlightTimeout"] = "00:00:10",
            ["PsBill:Sync:RetryDelay"] = "00:00:01",
            ["PsBill:Sync:PollChunkSize"] = "500",
            // A payment intent left by a killed host is taken over 30 s after it was written (a PeopleSoft call gives up well before).
            ["PsBill:Settlement:ClaimTimeout"] = "00:00:30",
            ["PsBill:PeopleSoft:Resilience:AttemptTimeout"] = "00:00:10",
            ["PsBill:PeopleSoft:Resilience:TotalTimeout"] = "00:00:20",
        },
    };
}
