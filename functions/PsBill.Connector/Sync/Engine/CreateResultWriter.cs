using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Engine;

/// <summary>Writes create results (<see cref="CreateResult"/>) to the ledger and the audit trail. Safe to repeat: a row already
/// moved on keeps its state (the ledger's own rules), and an audit row twice is a repeated step, not a wrong one.</summary>
public sealed class CreateResultWriter(SyncLedger ledger, AuditTrail audit, IOptions<SyncOptions> options, ILogger<CreateResultWriter> logger)
{
    /// <summary>Writes every result.</summary>
    public async Task WriteAsync(IReadOnlyList<CreateResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        await Parallel.ForEachAsync(results, new ParallelOptions { MaxDegreeOfParallelism = options.Value.StorageParallelism, CancellationToken = cancellationToken },
            async (result, token) => await WriteAsync(result, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task WriteAsync(CreateResult result, CancellationToken token)
    {
        var claimed = result.Claimed with { ETag = new ETag(result.ClaimedETag) };
        switch (result.Kind)
        {
            case CreateResultKind.Created:
                await ledger.RecordDoneAsync(claimed, result.RemoteId!, result.Hash, SyncDetail.Parse(result.Detail), token).ConfigureAwait(false);
                await StepAsync(result, "create", "ok", $"{result.Noun} {result.RemoteId} created (intent written {claimed.UpdatedAt:O}, attempt {claimed.Attempts})", token).ConfigureAwait(false);
                break;
            case CreateResultKind.Rejected:
                await ledger.RecordParkedAsync(result.Key, claimed, result.Reason!, ParkCause.Rejected, result.RunId, token).ConfigureAwait(false);
                SyncLog.Parked(logger, result.Key, result.Reason!);
                await audit.AppendAsync(result.Key, $"{result.Noun}.park", "parked", result.Reason, result.RunId, token).ConfigureAwait(false);
                break;
            default:
                await ledger.RecordCallEndedAsync(claimed, token).ConfigureAwait(false);
                await StepAsync(result, "create", "unknown", $"create ended without a clear answer: {result.Reason}", token).ConfigureAwait(false);
                await audit.AppendAsync(result.Key, "sync.wait", "retry", $"create of the {result.Noun} ended without a clear answer: {result.Reason}", result.RunId, token).ConfigureAwait(false);
                break;
        }
    }

    private async Task StepAsync(CreateResult result, string step, string outcome, string detail, CancellationToken token)
    {
        SyncLog.Step(logger, result.Key, result.Noun, step, detail);
        await audit.AppendAsync(result.Key, $"{result.Noun}.{step}", outcome, detail, result.RunId, token).ConfigureAwait(false);
    }
}
