using Azure;
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
            await ledger.RecordDoneManyAsync(created.Select(r => (Claimed(r), r.RemoteId!, r.Hash, SyncDetail.Parse(r.Detail))).ToList(), cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(results.Where(r => r.Kind != CreateResultKind.Created),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.StorageParallelism, CancellationToken = cancellationToken },
            async (result, token) => await WriteLedgerAsync(result, token).ConfigureAwait(false)).ConfigureAwait(false);
        await audit.AppendManyAsync(results.SelectMany(Steps), cancellationToken).ConfigureAwait(false);
    }

    private static LedgerEntry Claimed(CreateResult result) => result.Claimed with { ETag = new ETag(result.ClaimedETag) };

    private async Task WriteLedgerAsync(CreateResult result, CancellationToken token)
    {
        if (result.Kind == CreateResultKind.Rejected)
            await ledger.RecordParkedAsync(result.Key, Claimed(result), result.Reason!, ParkCause.Rejected, result.RunId, token).ConfigureAwait(false);
        else
            await ledger.RecordCallEndedAsync(Claimed(result), token).ConfigureAwait(false);
    }

    /// <summary>The result's audit rows (and log lines).</summary>
    private IEnumerable<(string Key, string Step, string Outcome, string? Detail, string? RunId)> Steps(CreateResult result)
    {
        switch (result.Kind)
        {
            case CreateResultKind.Created:
                var claimed = result.Claimed;
                yield return Step(result, "create", "ok", $"{result.Noun} {result.RemoteId} created (intent written {claimed.UpdatedAt:O}, attempt {claimed.Attempts})");
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
