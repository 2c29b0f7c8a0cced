using PsBill.Sandbox.World;
using PsBill.Tests.EndToEnd;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Sync.Adoption;

/// <summary>An end-to-end world whose BILL already holds 6 hand-keyed vendors (2 exact, 2 misspelled, 2 unrelated) and bills.</summary>
internal static class EndToEndWorldWithPreexisting
{
    public static Task<SandboxWorld> StartAsync(AzuriteFixture azurite) =>
        EndToEndWorld.StartAsync(azurite, suppliers: 12, vouchers: 60, preexisting: 6);
}
