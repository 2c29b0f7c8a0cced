using Grpc.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Workflows.Starting;

namespace PsBill.Sandbox.World;

/// <summary>
/// Drives the standalone host's flows as its timers would, and waits on the task hub (through the Durable client) for
/// the orchestrations to end: the sandbox and the tests see what Durable Functions Monitor would show.
/// </summary>
public sealed class FlowDriver(IServiceProvider services)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private const int MaxFailedLooks = 5;

    /// <summary>The host's Durable client.</summary>
    public Task<DurableTaskClient> ClientAsync(CancellationToken cancellationToken = default) =>
        services.GetRequiredService<StandaloneDurableClient>().GetAsync(cancellationToken);

    /// <summary>Starts <paramref name="flow"/> (as a timer tick does) and waits until its orchestration completes.</summary>
    /// <exception cref="InvalidOperationException">The orchestration failed or was terminated.</exception>
    /// <exception cref="TimeoutException">It did not end within <paramref name="timeout"/>.</exception>
    public async Task<FlowStart> RunAsync(string flow, TimeSpan timeout, Func<Task>? progress = null, CancellationToken cancellationToken = default)
    {
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var start = await services.GetRequiredService<FlowStarter>().StartAsync(client, flow, cancellationToken).ConfigureAwait(false);
        await WaitForInstanceAsync(start.InstanceId, timeout, progress, cancellationToken).ConfigureAwait(false);
        return start;
    }

    /// <summary>Waits until an orchestration instance completes.</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceAsync(string instanceId, TimeSpan timeout, Func<Task>? progress = null, CancellationToken cancellationToken = default)
    {
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var started = TimeProvider.System.GetTimestamp();
        var failedLooks = 0;
        while (true)
        {
            OrchestrationMetadata? instance;
            try
            {
                instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
                failedLooks = 0;
            }
            catch (RpcException ex) when (ex.StatusCode is not StatusCode.Cancelled && ++failedLooks < MaxFailedLooks)
            {
                // A look can fail while the flow is fine: the status read races the ContinueAsNew that replaces the instance's
                // large input blob (the README's change table records one such run). Look again; only a run of failed looks ends the wait.
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                continue;
            }
            switch (instance?.RuntimeStatus)
            {
                case OrchestrationRuntimeStatus.Completed:
                    return instance;
                case OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated:
                    throw new InvalidOperationException($"Orchestration {instanceId} {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorType} {instance.FailureDetails?.ErrorMessage}");
            }
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
                throw new TimeoutException($"Orchestration {instanceId} is still {instance?.RuntimeStatus.ToString() ?? "not started"} after {timeout}.");
            if (progress is not null) await progress().ConfigureAwait(false);
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Orchestrations running or waiting to run (entities not counted).</summary>
    public async Task<int> ActiveCountAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var _ in ActiveAsync(pageSize: 100, cancellationToken).ConfigureAwait(false)) count++;
        return count;
    }

    /// <summary>
    /// Whether any orchestration is running or waiting to run (entities not counted). Stops at the first: counting them all
    /// on every look read every running instance's row (about 300 ms a look during a webhook burst on the emulator, work
    /// taken from the connector the benchmark measures).
    /// </summary>
    public async Task<bool> AnyActiveAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var _ in ActiveAsync(pageSize: 10, cancellationToken).ConfigureAwait(false)) return true;
        return false;
    }

    private async IAsyncEnumerable<string> ActiveAsync(int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var query = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended],
            PageSize = pageSize,
        };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
            if (!instance.InstanceId.StartsWith('@')) yield return instance.InstanceId;
    }

    /// <summary>Waits until no orchestration has been running for three looks in a row (webhook settlements, replays).</summary>
    /// <exception cref="TimeoutException">Work was still running after <paramref name="timeout"/>.</exception>
    public async Task WaitForIdleAsync(TimeSpan timeout, Func<Task>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        var idleLooks = 0;
        while (idleLooks < 3)
        {
            var active = await AnyActiveAsync(cancellationToken).ConfigureAwait(false);
            idleLooks = active ? 0 : idleLooks + 1;
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
                throw new TimeoutException($"{await ActiveCountAsync(cancellationToken).ConfigureAwait(false)} orchestrations were still running after {timeout}.");
            if (progress is not null) await progress().ConfigureAwait(false);
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }
}
