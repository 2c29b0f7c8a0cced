using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Credentials;
using PsBill.Connector.Reconciliation;
using PsBill.Workflows.Flows;
using PsBill.Workflows.Gate;

namespace PsBill.Workflows.Starting;

/// <summary>
/// Starts a timer flow as a singleton: the instance id is the flow's name, so at most one of each runs, whatever the
/// number of instances or ticks. A tick that finds it running does nothing and says so (the documented singleton
/// pattern: check the status, then schedule; the engine refuses a second start of a running id either way).
/// </summary>
public sealed partial class FlowStarter(ISecretStore secrets, WorkSettingsFactory settings, ILogger<FlowStarter> logger, IOptions<ReconciliationOptions>? reconciliation = null)
{
    /// <summary>The instance id of a flow's singleton.</summary>
    public static string InstanceIdOf(string flow) => flow;

    /// <summary>Starts <paramref name="flow"/> unless it is running.</summary>
    public async Task<FlowStart> StartAsync(DurableTaskClient client, string flow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!FunctionNames.Flows.Contains(flow)) throw new ArgumentException($"No flow is called '{flow}' (known: {string.Join(", ", FunctionNames.Flows)}).", nameof(flow));
        var instanceId = InstanceIdOf(flow);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is not null && IsActive(existing.RuntimeStatus))
        {
            LogStillRunning(logger, flow, instanceId, existing.RuntimeStatus.ToString());
            return new FlowStart(flow, instanceId, Started: false);
        }

        var input = new FlowInput(flow, await BillGateKey.ForConfiguredOrganizationAsync(secrets, cancellationToken).ConfigureAwait(false), settings.Create(),
            TieOutAfter: flow == FunctionNames.PollPayments && (reconciliation?.Value.AfterPollPayments ?? false));
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(FunctionNames.Orchestrators.ForFlow(flow), input, new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsAlreadyRunning(ex))
        {
            // Another instance's tick won the race between our status check and our start.
            LogStillRunning(logger, flow, instanceId, "started by another tick");
            return new FlowStart(flow, instanceId, Started: false);
        }
        LogStarted(logger, flow, instanceId);
        return new FlowStart(flow, instanceId, Started: true);
    }

    /// <summary>Running, waiting to start or suspended: a new start would be a second copy.</summary>
    public static bool IsActive(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;

    /// <summary>The engine's refusal to start an id that is running.</summary>
    public static bool IsAlreadyRunning(Exception exception) => exception is OrchestrationAlreadyExistsException;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Flow} started (instance {InstanceId})")]
    private static partial void LogStarted(ILogger logger, string flow, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Flow} is still running (instance {InstanceId}, {Status}): this tick does nothing")]
    private static partial void LogStillRunning(ILogger logger, string flow, string instanceId, string status);
}
