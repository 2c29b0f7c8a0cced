using PsBill.Connector.Diagnostics.Telemetry;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Bulk;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Storage.Runs;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Connector.Sync.Engine;

/// <summary>
/// Runs a batch of <see cref="SyncPlan{TPayload}"/> against BILL exactly once per record: claim every key in the ledger
/// (intent before any call), resolve what an earlier attempt may have left (look up, adopt), update or archive what BILL
/// already has, send all new records in one bulk call (split on rejection), then record each result (BILL id, park
/// reason, or "ended without an answer"). Every step lands in the audit trail and the log with the record key; the
/// counts go to the run that produced the batch.
/// </summary>
public sealed class SyncEngine(SyncLedger ledger, AuditTrail audit, RunCountsBuffer runs, CreateResultWriter resultWriter, IOptions<SyncOptions> options, ILogger<SyncEngine> logger)
{
    private const int OneByOneCalls = 3; // the BILL gate admits 3 per organization anyway

    /// <summary>Runs the plans; returns what happened (retry keys included).</summary>
    public async Task<SyncBatchResult> RunAsync<TPayload>(IReadOnlyList<SyncPlan<TPayload>> plans, IRemoteRecords<TPayload> remote, string? runId, CancellationToken cancellationToken = default)
        where TPayload : class
    {
        var tally = new SyncBatchTally(plans.Count);
        var creates = new ConcurrentQueue<(SyncPlan<TPayload> Plan, LedgerEntry Claimed)>();
        var calls = new ConcurrentQueue<(SyncPlan<TPayload> Plan, LedgerClaim Claim)>();

        var preclaimed = await ClaimSendsAsync(plans, runId, cancellationToken).ConfigureAwait(false);
        await ForEachAsync(Enumerable.Range(0, plans.Count).ToList(), options.Value.StorageParallelism, async (index, token) =>
        {
            var plan = plans[index];
            if (plan.Action == SyncAction.Retry)
            {
                await RetryAsync(plan.Key, plan.Reason ?? "waiting", options.Value.RetryDelay, runId, tally, token).ConfigureAwait(false);
                return;
            }

            using var span = BatchSpans.StartRecord(plan.Key, "claim");
            var claim = preclaimed[index] ?? await ledger.ClaimAsync(plan.Key, plan.Action, plan.Hash, plan.Detail, runId, token).ConfigureAwait(false);
            span?.SetTag(PsBillTelemetry.Tags.Outcome, claim.Decision.ToString());
            switch (claim.Decision)
            {
                case ClaimDecision.Wait:
                    await RetryAsync(plan.Key, $"another attempt at {plan.Key} may still be running (intent written {claim.Entry?.UpdatedAt:u})", claim.RetryAfter, runId, tally, token).ConfigureAwait(false);
                    break;
                case ClaimDecision.AlreadyThere:
                    tally.Add(new RunCounts(AlreadyThere: 1));
                    await StepAsync(plan.Key, remote.Noun, "unchanged", "already-there", $"BILL {remote.Noun} {claim.Entry!.RemoteId} already holds this version", runId, token).ConfigureAwait(false);
                    break;
                case ClaimDecision.Record:
                    await RecordWithoutCallAsync(plan, claim, remote.Noun, runId, tally, token).ConfigureAwait(false);
                    break;
                case ClaimDecision.Create:
                    // The intent row itself records this step; the audit gets the create's outcome (with the intent's time).
                    creates.Enqueue((plan, claim.Entry!));
                    break;
                default:
                    calls.Enqueue((plan, claim));
                    break;
            }
        }, cancellationToken).ConfigureAwait(false);

        await ForEachAsync(calls.ToList(), OneByOneCalls, async (call, token) =>
        {
            if (await ResolveAsync(call.Plan, call.Claim, remote, runId, tally, token).ConfigureAwait(false) is { } create) creates.Enqueue(create);
        }, cancellationToken).ConfigureAwait(false);

        if (!creates.IsEmpty)
        {
            var newRecords = await AdoptExistingAsync(creates.ToList(), remote, runId, tally, cancellationToken).ConfigureAwait(false);
            if (newRecords.Count > 0) await CreateAsync(newRecords, remote, runId, tally, cancellationToken).ConfigureAwait(false);
        }

        var result = tally.ToResult();
        var kind = new KeyValuePair<string, object?>(PsBillTelemetry.Tags.Kind, remote.Noun);
        if (result.Counts.Created > 0) PsBillTelemetry.RecordsCreated.Add(result.Counts.Created, kind);
        if (result.Counts.Parked > 0) PsBillTelemetry.RecordsParked.Add(result.Counts.Parked, kind);
        if (runId is not null && result.Counts != RunCounts.None)
            await runs.AddAsync(runId, result.Counts, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// The claims of the batch's sends, made together (<see cref="SyncLedger.ClaimNewAsync"/>: the intents in table
    /// transactions), by the plan's index; null for the plans claimed one by one (other actions, a key's second plan).
    /// </summary>
    private async Task<LedgerClaim?[]> ClaimSendsAsync<TPayload>(IReadOnlyList<SyncPlan<TPayload>> plans, string? runId, CancellationToken cancellationToken)
        where TPayload : class
    {
        var claims = new LedgerClaim?[plans.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sends = Enumerable.Range(0, plans.Count).Where(i => plans[i].Action == SyncAction.Send && seen.Add(plans[i].Key)).ToList();
        if (sends.Count < 2) return claims;
        var made = await ledger.ClaimNewAsync(sends.Select(i => (plans[i].Key, plans[i].Hash, plans[i].Detail)).ToList(), runId, cancellationToken).ConfigureAwait(false);
        for (var j = 0; j < sends.Count; j++) claims[sends[j]] = made[j];
        return claims;
    }

    /// <summary>Park, skip, or an archive of something BILL never had: only the ledger changes.</summary>
    private async Task RecordWithoutCallAsync<TPayload>(SyncPlan<TPayload> plan, LedgerClaim claim, string noun, string? runId, SyncBatchTally tally, CancellationToken token)
        where TPayload : class
    {
        var reason = plan.Reason ?? plan.Action.ToString();
        if (plan.Action == SyncAction.Park)
        {
            await ParkAsync(plan.Key, claim.Entry, reason, plan.Cause ?? ParkCause.Data, noun, runId, tally, token).ConfigureAwait(false);
            return;
        }

        if (claim.Entry is { RemoteId: not null, State.Value: "done" })
        {
            // Skip of something BILL has (an inactive supplier while archiving is off): leave it as it is, say so.
            await StepAsync(plan.Key, noun, "kept", "ok", $"{reason}; BILL {noun} {claim.Entry.RemoteId} left as it is", runId, token).ConfigureAwait(false);
            return;
        }

        await ledger.RecordSkippedAsync(plan.Key, claim.Entry, reason, runId, token).ConfigureAwait(false);
        await StepAsync(plan.Key, noun, "skip", "skipped", reason, runId, token).ConfigureAwait(false);
    }

    /// <summary>Look-ups, updates and archives, one BILL call (or two) per record. Returns a create when a lookup found nothing.</summary>
    private async Task<(SyncPlan<TPayload>, LedgerEntry)?> ResolveAsync<TPayload>(SyncPlan<TPayload> plan, LedgerClaim claim, IRemoteRecords<TPayload> remote, string? runId, SyncBatchTally tally, CancellationToken token)
        where TPayload : class
    {
        var claimed = claim.Entry!;
        try
        {
            var remoteId = claimed.RemoteId;
            if (claim.Decision is ClaimDecision.LookupThenCreate or ClaimDecision.LookupThenArchive)
            {
                var found = await remote.FindAsync(claim.PreviousDetail, token).ConfigureAwait(false);
                if (found is null)
                {
                    await StepAsync(plan.Key, remote.Noun, "lookup", "not-found", $"an earlier attempt left no {remote.Noun} in BILL ({Describe(claim.PreviousDetail)})", runId, token).ConfigureAwait(false);
                    if (claim.Decision == ClaimDecision.LookupThenCreate) return (plan, claimed);
                    await ledger.RecordSkippedAsync(plan.Key, claimed, plan.Reason ?? "withdrawn before it reached BILL", runId, token).ConfigureAwait(false);
                    await StepAsync(plan.Key, remote.Noun, "skip", "skipped", plan.Reason ?? "withdrawn", runId, token).ConfigureAwait(false);
                    return null;
                }

                remoteId = found.Id;
                SyncLog.Adopted(logger, plan.Key, remote.Noun, found.Id);
                await StepAsync(plan.Key, remote.Noun, "adopt", "ok", $"{remote.Noun} {found.Id} created by an earlier attempt found in BILL and adopted", runId, token).ConfigureAwait(false);
                if (plan.Action == SyncAction.Send && claimed.PayloadHash == plan.Hash && !found.Archived)
                {
                    // The earlier attempt sent exactly this version.
                    await ledger.RecordDoneAsync(claimed, found.Id, plan.Hash, plan.Detail, token).ConfigureAwait(false);
                    tally.Add(new RunCounts(Created: 1));
                    return null;
                }
            }

            if (plan.Action == SyncAction.Archive)
            {
                var archived = await remote.ArchiveAsync(remoteId!, token).ConfigureAwait(false);
                if (!archived.Applied)
                {
                    await ParkAsync(plan.Key, claimed with { RemoteId = remoteId }, $"{plan.Reason}; but {archived.Refusal}", ParkCause.Paid, remote.Noun, runId, tally, token).ConfigureAwait(false);
                    return null;
                }

                await ledger.RecordArchivedAsync(claimed, remoteId!, plan.Reason ?? "withdrawn", token).ConfigureAwait(false);
                tally.Add(new RunCounts(Updated: 1));
                await StepAsync(plan.Key, remote.Noun, "archive", "ok", $"{remote.Noun} {remoteId} archived: {plan.Reason}", runId, token).ConfigureAwait(false);
                return null;
            }

            var adopted = claim.PreviousDetail.Adopted;
            var updated = await remote.UpdateAsync(remoteId!, adopted ? remote.ForAdopted(plan.Payload!) : plan.Payload!, token).ConfigureAwait(false);
            if (!updated.Applied)
            {
                await ParkAsync(plan.Key, claimed with { RemoteId = remoteId }, $"{plan.Key} changed in PeopleSoft but {updated.Refusal}", ParkCause.Paid, remote.Noun, runId, tally, token).ConfigureAwait(false);
                return null;
            }

            await ledger.RecordDoneAsync(claimed, remoteId!, plan.Hash, plan.Detail with { Adopted = adopted }, token).ConfigureAwait(false);
            tally.Add(claim.Decision == ClaimDecision.Update ? new RunCounts(Updated: 1) : new RunCounts(Created: 1));
            await StepAsync(plan.Key, remote.Noun, "update", "ok", $"{remote.Noun} {remoteId} updated to the current PeopleSoft version", runId, token).ConfigureAwait(false);
            return null;
        }
        catch (BillApiException ex) when (ex.IsRejection)
        {
            await ParkAsync(plan.Key, claimed, $"BILL refused {ex.Operation} for {plan.Key}: {ex.Message}", ParkCause.Rejected, remote.Noun, runId, tally, token).ConfigureAwait(false);
            return null;
        }
        catch (BillApiException ex)
        {
            await ledger.RecordCallEndedAsync(claimed, token).ConfigureAwait(false);
            await RetryAsync(plan.Key, $"BILL {ex.Operation} failed ({ex.Code}, {ex.Kind}): {ex.Message}", options.Value.RetryDelay, runId, tally, token).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>
    /// Before the first create of each record: what BILL already holds (keyed in by hand before PsBill) is adopted when the
    /// match is sure, and parked for an operator when it is not. Returns the records to create. Nothing was sent for a parked
    /// one, so its row says so (no lookup needed before its next create).
    /// </summary>
    private async Task<IReadOnlyList<(SyncPlan<TPayload> Plan, LedgerEntry Claimed)>> AdoptExistingAsync<TPayload>(
        IReadOnlyList<(SyncPlan<TPayload> Plan, LedgerEntry Claimed)> creates, IRemoteRecords<TPayload> remote, string? runId, SyncBatchTally tally, CancellationToken cancellationToken)
        where TPayload : class
    {
        var toCreate = new ConcurrentQueue<(int Index, (SyncPlan<TPayload>, LedgerEntry) Create)>();
        var finder = await remote.FinderForAsync([.. creates.Select(c => c.Plan)], cancellationToken).ConfigureAwait(false);
        await ForEachAsync(Enumerable.Range(0, creates.Count).ToList(), OneByOneCalls, async (i, token) =>
        {
            var (plan, claimed) = creates[i];
            try
            {
                var match = await finder.FindExistingAsync(plan, token).ConfigureAwait(false);
                switch (match.Kind)
                {
                    case ExistingMatchKind.Adopt:
                        var adopted = await remote.AdoptAsync(plan, match.RemoteId!, token).ConfigureAwait(false);
                        if (!adopted.Applied)
                        {
                            await ParkAsync(plan.Key, NothingSent(claimed), adopted.Refusal!, ParkCause.Match, remote.Noun, runId, tally, token).ConfigureAwait(false);
                            return;
                        }
                        await ledger.RecordDoneAsync(claimed, match.RemoteId!, plan.Hash, plan.Detail with { Adopted = true }, token).ConfigureAwait(false);
                        tally.Add(new RunCounts(AlreadyThere: 1));
                        SyncLog.Adopted(logger, plan.Key, remote.Noun, match.RemoteId!);
                        await StepAsync(plan.Key, remote.Noun, "adopt", "ok", $"{remote.Noun} {match.RemoteId} already in BILL (keyed in before PsBill) adopted: {match.Reason}", runId, token).ConfigureAwait(false);
                        return;
                    case ExistingMatchKind.Park:
                        await remote.RecordUnsureAsync(plan, match, token).ConfigureAwait(false);
                        await ParkAsync(plan.Key, NothingSent(claimed), match.Reason!, match.Cause ?? ParkCause.Match, remote.Noun, runId, tally, token).ConfigureAwait(false);
                        return;
                    default:
                        toCreate.Enqueue((i, (plan, claimed)));
                        return;
                }
            }
            catch (BillApiException ex)
            {
                // Nothing was created: let the next attempt go straight on (a lookup by marker, then this check again).
                await ledger.RecordCallEndedAsync(claimed, token).ConfigureAwait(false);
                await RetryAsync(plan.Key, $"looking for a {remote.Noun} already in BILL failed ({ex.Code}, {ex.Kind}): {ex.Message}", options.Value.RetryDelay, runId, tally, token).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        return [.. toCreate.OrderBy(c => c.Index).Select(c => c.Create)];
    }

    /// <summary>The claimed row, saying no create was sent for it (so parking it asks for no lookup later).</summary>
    private static LedgerEntry NothingSent(LedgerEntry claimed) =>
        claimed with { Detail = (SyncDetail.Parse(claimed.Detail) with { Placeholder = true }).ToJson() };

    /// <summary>One bulk create (split by the splitter on rejection), then every result recorded.</summary>
    private async Task CreateAsync<TPayload>(IReadOnlyList<(SyncPlan<TPayload> Plan, LedgerEntry Claimed)> creates, IRemoteRecords<TPayload> remote, string? runId, SyncBatchTally tally, CancellationToken cancellationToken)
        where TPayload : class
    {
        var results = await remote.CreateAsync(creates.Select(c => c.Plan.Payload!).ToList(), cancellationToken).ConfigureAwait(false);
        var written = new List<CreateResult>(creates.Count);
        for (var i = 0; i < creates.Count; i++)
        {
            var (plan, claimed) = creates[i];
            var result = results[i];
            CreateResult Of(CreateResultKind kind, string? id, string? reason) =>
                new(plan.Key, remote.Noun, kind, ClaimedIntent.Of(claimed), id, plan.Hash, plan.Detail.ToJson(), reason, runId);
            switch (result.Status)
            {
                case BulkItemStatus.Created when remote.IdOf(result.Created!) is { } id:
                    tally.Add(new RunCounts(Created: 1));
                    written.Add(Of(CreateResultKind.Created, id, null));
                    break;
                case BulkItemStatus.Rejected:
                    var refusal = $"BILL refused the {remote.Noun} for {plan.Key}: {result.Error?.Message}";
                    tally.Parked(refusal);
                    written.Add(Of(CreateResultKind.Rejected, null, refusal));
                    break;
                default:
                    // Outcome unknown (or not sent, or created without an id in the answer): it may exist in BILL. Keep the intent,
                    // mark the call ended, and let the next attempt look it up before creating anything.
                    var why = result.Error?.Message ?? "BILL's answer had no id";
                    SyncLog.OutcomeUnknown(logger, plan.Key, remote.Noun, why);
                    tally.Retry(plan.Key, $"create of the {remote.Noun} ended without a clear answer: {why}", options.Value.RetryDelay);
                    written.Add(Of(CreateResultKind.Unknown, null, $"({result.Status}) {why}"));
                    break;
            }
        }

        // Inside a flow the results go to a step that holds no BILL slot; elsewhere they are written now.
        if (DeferredCreateResults.Active is { } deferred)
            foreach (var result in written) deferred.Add(result);
        else
            await resultWriter.WriteAsync(written, cancellationToken).ConfigureAwait(false);
    }

    private async Task ParkAsync(string key, LedgerEntry? known, string reason, ParkCause cause, string noun, string? runId, SyncBatchTally tally, CancellationToken token)
    {
        await ledger.RecordParkedAsync(key, known, reason, cause, runId, token).ConfigureAwait(false);
        tally.Parked(reason);
        SyncLog.Parked(logger, key, reason);
        await audit.AppendAsync(key, $"{noun}.park", "parked", reason, runId, token).ConfigureAwait(false);
    }

    private async Task RetryAsync(string key, string reason, TimeSpan after, string? runId, SyncBatchTally tally, CancellationToken token)
    {
        tally.Retry(key, reason, after);
        SyncLog.Retry(logger, key, after, reason);
        await audit.AppendAsync(key, "sync.wait", "retry", reason, runId, token).ConfigureAwait(false);
    }

    private async Task StepAsync(string key, string noun, string step, string outcome, string detail, string? runId, CancellationToken token)
    {
        SyncLog.Step(logger, key, noun, step, detail);
        await audit.AppendAsync(key, $"{noun}.{step}", outcome, detail, runId, token).ConfigureAwait(false);
    }

    private static string Describe(SyncDetail detail) =>
        detail.InvoiceNumber is not null ? $"vendor {detail.VendorId}, invoice {detail.InvoiceNumber}" : $"name '{detail.Name}', short name {detail.Marker}";

    private static Task ForEachAsync<T>(IReadOnlyList<T> items, int parallelism, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        items.Count == 0
            ? Task.CompletedTask
            : Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, body);
}
