using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Work;

namespace PsBill.Functions.Cli;

/// <summary>Carries out a <see cref="ReplayRequest"/> with <see cref="WorkReplay"/> (one replay item per key, audited).</summary>
internal sealed class ReplayExecutor(WorkReplay replay, LedgerStore ledger, RunStore runs, PsBillStorage storage)
{
    /// <summary>Replays what the request names; returns the keys replayed and those the ledger does not know.</summary>
    public async Task<ReplayResult> ExecuteAsync(ReplayRequest request, string requestedBy, CancellationToken cancellationToken = default)
    {
        if (request.Parked) return await replay.ReplayParkedAsync(requestedBy, cancellationToken).ConfigureAwait(false);
        if (request.RunId is { } runId)
        {
            if (await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false) is null) return new ReplayResult([], [$"run {runId}"]);
            var keys = new List<string>();
            await foreach (var key in runs.ListItemKeysAsync(runId, cancellationToken).ConfigureAwait(false)) keys.Add(key);
            return await replay.ReplayAsync(keys, requestedBy, cancellationToken).ConfigureAwait(false);
        }
        if (request.Failed) return await ReplayFailedAsync(requestedBy, cancellationToken).ConfigureAwait(false);
        return await replay.ReplayAsync(request.Keys, requestedBy, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Failed items: ledger rows in state failed, and the keys of the poison queue's work items. A poison message is
    /// removed once all its keys are back on the work queue; one with keys the ledger does not know stays for an operator.</summary>
    private async Task<ReplayResult> ReplayFailedAsync(string requestedBy, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var entry in ledger.QueryByStateAsync(LedgerState.Failed, cancellationToken).ConfigureAwait(false)) keys.Add(entry.Key);
        var replayed = new List<string>();
        var unknown = new List<string>();
        var first = await replay.ReplayAsync(keys, requestedBy, cancellationToken).ConfigureAwait(false);
        replayed.AddRange(first.Replayed);
        unknown.AddRange(first.Unknown);

        var poison = storage.PoisonQueue;
        if (!(await poison.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value) return new ReplayResult(replayed, unknown);
        while (true)
        {
            var messages = (await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false)).Value;
            if (messages.Length == 0) break;
            foreach (var message in messages)
            {
                var item = PoisonMessage.Parse(message.MessageText).TryGetItem();
                if (item is null)
                {
                    unknown.Add($"poison message {message.MessageId} (not a work item)");
                    continue;
                }
                var result = await replay.ReplayAsync(item.Keys.Except(replayed, StringComparer.Ordinal), requestedBy, cancellationToken).ConfigureAwait(false);
                replayed.AddRange(result.Replayed);
                unknown.AddRange(result.Unknown);
                if (result.Unknown.Count == 0) await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            }
        }
        return new ReplayResult(replayed, unknown);
    }
}
