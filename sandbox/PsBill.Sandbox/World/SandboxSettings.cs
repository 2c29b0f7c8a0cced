namespace PsBill.Sandbox.World;

/// <summary>What a sandbox world holds and how it behaves: the command-line options, and what the tests set on top.</summary>
public sealed record SandboxSettings
{
    /// <summary>PeopleSoft suppliers to generate (<c>--suppliers</c>; default 50).</summary>
    public int Suppliers { get; init; } = 50;

    /// <summary>PeopleSoft vouchers to generate, approved, pending, denied and malformed (<c>--vouchers</c>; default 300).</summary>
    public int Vouchers { get; init; } = 300;

    /// <summary>Time each BILL call spends in the simulated server (<c>--bill-latency-ms</c>; default 0).</summary>
    public TimeSpan BillLatency { get; init; }

    /// <summary>Injected faults (<c>--faults</c>; default none).</summary>
    public FaultMode Faults { get; init; } = FaultMode.None;

    /// <summary>Vendors keyed into BILL by hand before the connector, with hand-keyed bills for some vouchers (<c>--preexisting</c>; default 0).</summary>
    public int Preexisting { get; init; }

    /// <summary>The data generator's seed (<c>--seed</c>; default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The storage prefix (tables, queues, containers): tests give each test its own.</summary>
    public string StoragePrefix { get; init; } = "psbill";

    /// <summary>An Azurite to use (tests share one); null starts one for the world.</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>Start the connector in-process (default true). False starts only the storage and the simulators: the crash
    /// tests run <c>psbill run</c> as a child process on <see cref="SandboxWorld.HostSettings"/> and <see cref="SandboxWorld.Secrets"/>.</summary>
    public bool InProcessHost { get; init; } = true;

    /// <summary>Extra settings on top of the sandbox defaults (configuration keys with <c>:</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
