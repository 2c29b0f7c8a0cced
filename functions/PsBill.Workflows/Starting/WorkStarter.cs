using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PsBill.Connector.Credentials;
using PsBill.Connector.Work;
using PsBill.Workflows.Flows;
using PsBill.Workflows.Gate;

namespace PsBill.Workflows.Starting;

/// <summary>
/// Starts work orchestrations outside the timer flows: a settlement for a webhook's payment, a replay for chosen keys.
/// A settlement's instance id comes from the payment and the event (<c>settle-{payment}-{event hash}</c>), so a repeated
/// or concurrent delivery of one notification starts it once; a later notification about the same payment (voided after
/// paid) starts its own, and the ledger keeps the two from posting twice.
/// </summary>
public sealed partial class WorkStarter(ISecretStore secrets, WorkSettingsFactory settings, ILogger<WorkStarter> logger)
{
    /// <summary>Starts the settlement of a payment item; returns its instance id (also when it had started already).</summary>
    public async Task<string> StartSettlementAsync(DurableTaskClient client, WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(item);
        var instanceId = SettlementInstanceId(item);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            LogAlreadyStarted(logger, instanceId);
            return instanceId;
        }
        await StartAsync(client, FunctionNames.Orchestrators.SettlePayment, instanceId, [item], null, cancellationToken).ConfigureAwait(false);
        return instanceId;
    }

    /// <summary>Starts a replay of <paramref name="items"/>; returns its instance id.</summary>
    public async Task<string> StartReplayAsync(DurableTaskClient client, IReadOnlyList<WorkItem> items, string requestedBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(items);
        var instanceId = $"replay-{now.UtcDateTime:yyyyMMddTHHmmssfff}-{Hash(string.Join(",", items.SelectMany(i => i.Keys)) + requestedBy)[..8]}";
        await StartAsync(client, FunctionNames.Orchestrators.Replay, instanceId, items, null, cancellationToken).ConfigureAwait(false);
        return instanceId;
    }

    /// <summary>The instance id of a payment item's settlement.</summary>
    public static string SettlementInstanceId(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var payment = ItemKeys.PaymentIdOf(item.Keys[0]);
        // Instance ids may not hold '/', '\', '#', '?' or control characters; BILL's ids are alphanumeric, but be sure.
        var safe = new string(payment.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return $"settle-{safe}-{Hash(item.Id)[..12]}";
    }

    private async Task StartAsync(DurableTaskClient client, string orchestrator, string instanceId, IReadOnlyList<WorkItem> items, string? runId, CancellationToken cancellationToken)
    {
        var gateKey = await BillGateKey.ForConfiguredOrganizationAsync(secrets, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, new WorkInput(items, gateKey, settings.Create(), runId), new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
            LogStarted(logger, orchestrator, instanceId, items.Sum(i => i.Keys.Count));
        }
        catch (Exception ex) when (FlowStarter.IsAlreadyRunning(ex))
        {
            LogAlreadyStarted(logger, instanceId);
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Orchestrator} started (instance {InstanceId}, {KeyCount} keys)")]
    private static partial void LogStarted(ILogger logger, string orchestrator, string instanceId, int keyCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} exists already: a repeated delivery starts nothing new")]
    private static partial void LogAlreadyStarted(ILogger logger, string instanceId);
}
