using Microsoft.Extensions.Options;
using Polly;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Engine;

namespace PsBill.Connector.Sync.Ledger;

/// <summary>
/// The exactly-once rules on top of the ledger. Before any BILL call a worker claims the record: it writes (or takes over,
/// ETag-checked) the intent row, so two workers can never both send it. A fresh intent younger than
/// <see cref="SyncOptions.InFlightTimeout"/> belongs to an attempt that may still be running: wait. An older intent, or one
/// whose call ended without a clear answer, may have created the object: look it up before creating it again.
/// </summary>
public sealed class SyncLedger(LedgerStore ledger, TimeProvider time, IOptions<SyncOptions> options)
{
    private readonly ResiliencePipeline _conflictRetry = StoragePipelines.ConcurrencyRetry(time);

    /// <summary>Reads a record's row.</summary>
    public Task<LedgerEntry?> GetAsync(string key, CancellationToken cancellationToken = default) => ledger.GetAsync(key, cancellationToken);

    /// <summary>Reads many records' rows at once (a record never seen is left out).</summary>
    public Task<IReadOnlyDictionary<string, LedgerEntry>> GetManyAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default) => ledger.GetManyAsync(keys, cancellationToken);

    /// <summary>True while an intent row is young enough that its call may still be running.</summary>
    public bool IsInFlight(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return time.GetUtcNow() - entry.UpdatedAt < options.Value.InFlightTimeout;
    }

    /// <summary>Decides what to do with a record and, when a BILL call follows, claims it by writing the intent.</summary>
    public async Task<LedgerClaim> ClaimAsync(string key, SyncAction action, string? hash, SyncDetail detail, string? runId, CancellationToken cancellationToken = default)
    {
        LedgerEntry? existing;
        if (action == SyncAction.Send)
        {
            // Insert-if-absent first: most records sent are new, and this saves a read for each of them.
            var insert = await ledger.TryInsertIntentAsync(key, hash, runId, detail.ToJson(), cancellationToken).ConfigureAwait(false);
            if (insert.Inserted) return new LedgerClaim(ClaimDecision.Create, insert.Entry, null);
            existing = insert.Entry;
        }
        else
        {
            existing = await ledger.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (existing is null) return new LedgerClaim(ClaimDecision.Record, null, null);
        }
        return await DecideAsync(existing, action, hash, detail, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="ClaimAsync"/> with <see cref="SyncAction.Send"/> for many records at once: the intents are inserted in table
    /// transactions (most records sent are new: one request per 100 instead of one each); a record that has a row already is
    /// decided on as <see cref="ClaimAsync"/> does. The claims are in the order of <paramref name="sends"/>.
    /// </summary>
    public async Task<IReadOnlyList<LedgerClaim>> ClaimNewAsync(IReadOnlyList<(string Key, string? Hash, SyncDetail Detail)> sends, string? runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sends);
        var inserts = await ledger.TryInsertIntentsAsync(sends.Select(s => new LedgerIntent(s.Key, s.Hash, runId, s.Detail.ToJson())).ToList(), cancellationToken).ConfigureAwait(false);
        var claims = new LedgerClaim[sends.Count];
        for (var i = 0; i < sends.Count; i++)
            claims[i] = inserts[i].Inserted
                ? new LedgerClaim(ClaimDecision.Create, inserts[i].Entry, null)
                : await DecideAsync(inserts[i].Entry, SyncAction.Send, sends[i].Hash, sends[i].Detail, runId, cancellationToken).ConfigureAwait(false);
        return claims;
    }

    /// <summary>What to do with a record that has a row, and the claim written when a BILL call follows.</summary>
    private async Task<LedgerClaim> DecideAsync(LedgerEntry existing, SyncAction action, string? hash, SyncDetail detail, string? runId, CancellationToken cancellationToken)
    {
        var recorded = SyncDetail.Parse(existing.Detail);
        if (existing.State == LedgerState.Intent && !recorded.CallEnded)
        {
            var age = time.GetUtcNow() - existing.UpdatedAt;
            if (age < options.Value.InFlightTimeout) return new LedgerClaim(ClaimDecision.Wait, existing, existing, options.Value.InFlightTimeout - age);
        }

        var hasRemote = existing.RemoteId is not null;
        var mayExist = !hasRemote && !recorded.Placeholder && (existing.State == LedgerState.Intent || existing.State == LedgerState.Failed || recorded.NeedsLookup);
        ClaimDecision decision;
        switch (action)
        {
            case SyncAction.Send when hasRemote && existing.State == LedgerState.Done && existing.PayloadHash == hash:
            case SyncAction.Archive when hasRemote && existing.State == SyncStates.Archived:
                return new LedgerClaim(ClaimDecision.AlreadyThere, existing, existing);
            case SyncAction.Send:
                decision = hasRemote ? ClaimDecision.Update : mayExist ? ClaimDecision.LookupThenCreate : ClaimDecision.Create;
                break;
            case SyncAction.Archive when hasRemote:
                decision = ClaimDecision.Archive;
                break;
            case SyncAction.Archive when mayExist:
                decision = ClaimDecision.LookupThenArchive;
                break;
            default:
                return new LedgerClaim(ClaimDecision.Record, existing, existing);
        }

        var sending = decision is ClaimDecision.Create or ClaimDecision.LookupThenCreate or ClaimDecision.Update;
        var claimed = existing with
        {
            State = LedgerState.Intent,
            Attempts = existing.Attempts + 1,
            RunId = runId ?? existing.RunId,
            ParkedReason = null,
            // A create records what it sends (so it can be found again); an update or archive keeps what was recorded.
            // An adopted object stays marked as adopted through its updates.
            Detail = (((sending && !hasRemote) ? detail : decision == ClaimDecision.Update ? detail with { Adopted = recorded.Adopted } : recorded)
                with { CallEnded = false, Cause = null, NeedsLookup = false, Placeholder = false }).ToJson(),
        };
        try
        {
            return new LedgerClaim(decision, await ledger.UpdateAsync(claimed, cancellationToken).ConfigureAwait(false), existing);
        }
        catch (ConcurrencyConflictException)
        {
            // Another worker claimed it between our read and write: it is sending; come back later.
            return new LedgerClaim(ClaimDecision.Wait, existing, existing, options.Value.RetryDelay);
        }
    }

    /// <summary>Records that BILL holds the object (created, adopted or updated) with this payload.</summary>
    public Task<LedgerEntry> RecordDoneAsync(LedgerEntry claimed, string remoteId, string? hash, SyncDetail detail, CancellationToken cancellationToken = default) =>
        ChangeAsync(claimed, current => current.State == LedgerState.Intent || current.ETag == claimed.ETag
            ? current with { State = LedgerState.Done, RemoteId = remoteId, PayloadHash = hash, ParkedReason = null, Detail = Clean(detail).ToJson() }
            // Someone parked or skipped it meanwhile: keep their state, but never lose the id of what BILL holds.
            : current with { RemoteId = remoteId }, cancellationToken);

    /// <summary>
    /// <see cref="RecordDoneAsync"/> for many created records at once: the rows still as claimed are written in table
    /// transactions; a row someone changed since the claim goes the one-by-one way (re-read, keep their state, keep the id).
    /// </summary>
    public async Task RecordDoneManyAsync(IReadOnlyList<(LedgerEntry Claimed, string RemoteId, string? Hash, SyncDetail Detail)> done, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(done);
        var written = await ledger.UpdateManyAsync(done.Select(d => d.Claimed with
        {
            State = LedgerState.Done, RemoteId = d.RemoteId, PayloadHash = d.Hash, ParkedReason = null, Detail = Clean(d.Detail).ToJson(),
        }).ToList(), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < done.Count; i++)
            if (written[i] is null) await RecordDoneAsync(done[i].Claimed, done[i].RemoteId, done[i].Hash, done[i].Detail, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that the BILL object is archived.</summary>
    public Task<LedgerEntry> RecordArchivedAsync(LedgerEntry claimed, string remoteId, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(claimed, current => current with
        {
            State = SyncStates.Archived, RemoteId = remoteId, ParkedReason = reason,
            Detail = Clean(SyncDetail.Parse(current.Detail)).ToJson(),
        }, cancellationToken);

    /// <summary>Records that the claimed call ended without a clear answer: the next attempt looks the object up first, at once.</summary>
    public async Task RecordCallEndedAsync(LedgerEntry claimed, CancellationToken cancellationToken = default)
    {
        try
        {
            await ledger.UpdateAsync(claimed with { Detail = (SyncDetail.Parse(claimed.Detail) with { CallEnded = true }).ToJson() }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone else moved the row on; their state stands (an unclaimed stale intent is looked up after the timeout anyway).
        }
    }

    /// <summary>Parks a record with a reason (creating its row if needed). A record whose create may have reached BILL keeps
    /// that knowledge, so the next send looks it up first.</summary>
    public Task<LedgerEntry> RecordParkedAsync(string key, LedgerEntry? known, string reason, ParkCause cause, string? runId, CancellationToken cancellationToken = default) =>
        SetStateAsync(key, known, LedgerState.Parked, reason, cause, runId, cancellationToken);

    /// <summary>Records that a record was not sent and need not be (with why).</summary>
    public Task<LedgerEntry> RecordSkippedAsync(string key, LedgerEntry? known, string reason, string? runId, CancellationToken cancellationToken = default) =>
        SetStateAsync(key, known, SyncStates.Skipped, reason, null, runId, cancellationToken);

    private async Task<LedgerEntry> SetStateAsync(string key, LedgerEntry? known, LedgerState state, string reason, ParkCause? cause, string? runId, CancellationToken cancellationToken)
    {
        var row = known ?? (await ledger.TryInsertIntentAsync(key, null, runId, new SyncDetail { CallEnded = true, Placeholder = true }.ToJson(), cancellationToken).ConfigureAwait(false)).Entry;
        return await ChangeAsync(row, current =>
        {
            var detail = SyncDetail.Parse(current.Detail);
            var mayExist = current.RemoteId is null && !detail.Placeholder
                           && (current.State == LedgerState.Intent || current.State == LedgerState.Failed || detail.NeedsLookup);
            return current with
            {
                State = state, ParkedReason = reason, RunId = runId ?? current.RunId,
                Detail = (detail with { Cause = cause, CallEnded = false, NeedsLookup = mayExist, Placeholder = detail.Placeholder && !mayExist }).ToJson(),
            };
        }, cancellationToken).ConfigureAwait(false);
    }

    private static SyncDetail Clean(SyncDetail detail) => detail with { CallEnded = false, Cause = null, NeedsLookup = false, Placeholder = false };

    /// <summary>Applies a change to the row, re-reading and re-applying it when another writer got there first.</summary>
    private async Task<LedgerEntry> ChangeAsync(LedgerEntry start, Func<LedgerEntry, LedgerEntry> change, CancellationToken cancellationToken)
    {
        var current = start;
        return await _conflictRetry.ExecuteAsync(async token =>
        {
            try
            {
                return await ledger.UpdateAsync(change(current), token).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                current = await ledger.GetAsync(start.Key, token).ConfigureAwait(false) ?? current;
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
