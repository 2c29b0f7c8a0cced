using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PsBill.Connector.Storage.Checkpoints;
using PsBill.Tests.Hosting;
using PsBill.Tests.Infrastructure;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.Tests.Orchestration;

/// <summary>A page read ahead moves its checkpoint only from where it was read: a restarted old instance never moves it back.</summary>
public sealed class SaveCheckpointsActivityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RunAsync_PageReadAheadFromTheStoredPosition_MovesTheCheckpoint()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var checkpoints = services.GetRequiredService<CheckpointStore>();
        await checkpoints.SaveAsync(new Checkpoint("vouchers", "page-1-end"));
        var activity = new SaveCheckpointsActivity(checkpoints, NullLogger<SaveCheckpointsActivity>.Instance);

        await activity.RunAsync([new CheckpointValue("vouchers", "page-2-end", From: "page-1-end")]);

        Assert.Equal("page-2-end", (await checkpoints.GetAsync("vouchers"))!.Value);
    }

    [Fact]
    public async Task RunAsync_PageReadAheadFromAPositionLeftSince_LeavesTheCheckpointWhereItIs()
    {
        await using var services = await TestServices.CreateAsync(azurite);
        var checkpoints = services.GetRequiredService<CheckpointStore>();
        await checkpoints.SaveAsync(new Checkpoint("vouchers", "page-9-end"));
        var activity = new SaveCheckpointsActivity(checkpoints, NullLogger<SaveCheckpointsActivity>.Instance);

        // An old instance restarted with the page it had read ahead long ago (after page 1), and a save without a start position.
        await activity.RunAsync([new CheckpointValue("vouchers", "page-2-end", From: "page-1-end")]);
        Assert.Equal("page-9-end", (await checkpoints.GetAsync("vouchers"))!.Value);
        await activity.RunAsync([new CheckpointValue("vouchers", "page-10-end")]);
        Assert.Equal("page-10-end", (await checkpoints.GetAsync("vouchers"))!.Value);
    }
}
