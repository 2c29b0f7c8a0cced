using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Engine;

/// <summary>Writes create results (<see cref="CreateResult"/>) to the ledger and the audit trail. Safe to repeat: a row already
/// moved on keeps its state (the ledger's own rules), and an audit row twice is a repeated step, not a wrong one.</summary>
/// <remarks>A bulk create answers for up to 100 records at once, so its results are written together: the created rows and
/// every audit row in table transactions (a request per 100 rows of a kind, not one per row); parks and unclear outcomes,
/// rare, one by one.</remarks>
public sealed class CreateResultWriter(SyncLedger ledger, AuditTrail audit, IOptions<SyncOptions> options, ILogger<CreateResultWriter> logger)
{
    /// <summary>Writes every result.</summary>
    public async Task WriteAsync(IReadOnlyList<CreateResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var created = results.Where(r => r.Kind == CreateResultKind.Created).ToList();
        if (created.Count > 0)
            await ledger.RecordDoneManyAsync(created.Select(r => (r.Claim.Row(r.Key), r.RemoteId!, r.Hash, SyncDetail.Parse(r.Detail))).ToList(), cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(results.Where(r => r.Kind != CreateResultKind.Created),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.StorageParallelism, CancellationToken = cancellationToken },
            async (result, token) => await WriteLedgerAsync(result, token).ConfigureAwait(false)).ConfigureAwait(false);
        await audit.AppendManyAsync(results.SelectMany(Steps), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A refusal or an unclear outcome (rare): the row is read again, since the result carries only the claim's ETag.</summary>
    private async Task WriteLedgerAsync(CreateResult result, CancellationToken token)
    {
        var current = await ledger.GetAsync(result.Key, token).ConfigureAwait(false);
        if (result.Kind == CreateResultKind.Rejected)
            await ledger.RecordParkedAsync(result.Key, current, result.Reason!, ParkCause.Rejected, result.RunId, token).ConfigureAwait(false);
        else if (current is not null && result.Claim.Matches(current))
            await ledger.RecordCallEndedAsync(current, token).ConfigureAwait(false);
        // else: someone moved the row on since the claim; their state stands (as RecordCallEndedAsync does on a conflict).
    }

    /// <summary>The result's audit rows (and log lines).</summary>
    private IEnumerable<(string Key, string Step, string Outcome, string? Detail, string? RunId)> Steps(CreateResult result)
    {
        switch (result.Kind)
        {
            case CreateResultKind.Created:
                yield return Step(result, "create", "ok", $"{result.Noun} {result.RemoteId} created (intent written {result.Claim.At:O}, attempt {result.Claim.Attempts})");
                break;
            case CreateResultKind.Rejected:
                SyncLog.Parked(logger, result.Key, result.Reason!);
                yield return (result.Key, $"{result.Noun}.park", "parked", result.Reason, result.RunId);
                break;
            default:
                yield return Step(result, "create", "unknown", $"create ended without a clear answer: {result.Reason}");
                yield return (result.Key, "sync.wait", "retry", $"create of the {result.Noun} ended without a clear answer: {result.Reason}", result.RunId);
                break;
        }
    }

    private (string, string, string, string?, string?) Step(CreateResult result, string step, string outcome, string detail)
    {
        SyncLog.Step(logger, result.Key, result.Noun, step, detail);
        return (result.Key, $"{result.Noun}.{step}", outcome, detail, result.RunId);
    }
}
