using Microsoft.DurableTask.Client;
using PsBill.Connector.Storage;
using PsBill.Workflows.Starting;

namespace PsBill.Workflows.Http.Ops.Runs;

/// <summary>
/// Runs are orchestration instances: listed, filtered and acted on through the Durable client, so this page and Durable
/// Functions Monitor read and change the same task hub. Restart replays an ended instance under its own id; terminate
/// stops a running one (and its sub-orchestrations); purge deletes an ended one's history.
/// </summary>
public static class InstanceBrowser
{
    /// <summary>
    /// One page of instances, newest pages first as the task hub returns them. <paramref name="name"/> (an orchestrator name,
    /// or a flow's name for its flow orchestration) is filtered here, page by page, as the query has no name filter.
    /// </summary>
    public static async Task<Paged<InstanceSummary>> ListAsync(DurableTaskClient client, InstanceFilter filter, string? continuationToken, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(filter);
        var name = filter.Name is { } n && FunctionNames.Flows.Contains(n) ? FunctionNames.Orchestrators.ForFlow(n) : filter.Name;
        var query = new OrchestrationQuery
        {
            CreatedFrom = filter.CreatedFrom,
            CreatedTo = filter.CreatedTo,
            Statuses = filter.Statuses,
            PageSize = pageSize,
        };
        var items = new List<InstanceSummary>();
        var token = string.IsNullOrEmpty(continuationToken) ? null : continuationToken;
        do
        {
            string? next = null;
            await foreach (var page in client.GetAllInstancesAsync(query).AsPages(token, pageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                items.AddRange(page.Values.Where(i => name is null || string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)).Select(InstanceSummary.Of));
                next = page.ContinuationToken;
                break;
            }
            token = string.IsNullOrEmpty(next) ? null : next;
        }
        while (token is not null && items.Count < pageSize);
        return new Paged<InstanceSummary>(items.OrderByDescending(i => i.CreatedAt).ToList(), token);
    }

    /// <summary>Restarts an ended instance under its own id (a flow keeps its singleton id).</summary>
    public static async Task<InstanceAction> RestartAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null) return InstanceAction.Missing(instanceId);
        if (FlowStarter.IsActive(instance.RuntimeStatus)) return InstanceAction.Refused(instanceId, $"{instanceId} is {instance.RuntimeStatus}: restart it once it has ended, or terminate it first.");
        var restarted = await client.RestartAsync(instanceId, restartWithNewInstanceId: false, cancellationToken).ConfigureAwait(false);
        return InstanceAction.Done(restarted, "restarted");
    }

    /// <summary>Terminates a running instance and its sub-orchestrations.</summary>
    public static async Task<InstanceAction> TerminateAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null) return InstanceAction.Missing(instanceId);
        if (!FlowStarter.IsActive(instance.RuntimeStatus)) return InstanceAction.Refused(instanceId, $"{instanceId} is {instance.RuntimeStatus}: only a running instance can be terminated.");
        await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions("terminated by an operator from the ops page", Recursive: true), cancellationToken).ConfigureAwait(false);
        return InstanceAction.Done(instanceId, "terminating");
    }

    /// <summary>Deletes an ended instance's state and history (and its sub-orchestrations').</summary>
    public static async Task<InstanceAction> PurgeAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null) return InstanceAction.Missing(instanceId);
        if (FlowStarter.IsActive(instance.RuntimeStatus)) return InstanceAction.Refused(instanceId, $"{instanceId} is {instance.RuntimeStatus}: terminate it before purging it.");
        var result = await client.PurgeInstanceAsync(instanceId, new PurgeInstanceOptions(Recursive: true), cancellationToken).ConfigureAwait(false);
        return InstanceAction.Done(instanceId, $"purged {result.PurgedInstanceCount} instance(s)");
    }
}
