using PsBill.Simulators.Azurite;

namespace PsBill.Tests.Infrastructure;

/// <summary>
/// One Azurite for the whole test run (in-memory, free loopback ports), started on first use and stopped
/// when the test process exits. Use it as a class fixture; test classes still run in parallel, and each
/// test isolates itself with <see cref="UniquePrefix"/> for its tables, queues and blobs.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<AzuriteProcess>> Shared = new(StartShared);

    public string ConnectionString { get; private set; } = "";

    /// <summary>A storage name prefix unique to one test.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync() => ConnectionString = (await Shared.Value).ConnectionString;

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<AzuriteProcess> StartShared()
    {
        var azurite = await AzuriteProcess.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite;
    }
}
