using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill.Models;
using PsBill.Connector.PeopleSoft;
using PsBill.Connector.Settlement.Posting;
using PsBill.Connector.Storage;
using PsBill.Connector.Storage.Audit;
using PsBill.Connector.Storage.Ledger;

namespace PsBill.Connector.Settlement;

/// <summary>
/// Settles one BILL payment, as BILL shows it now, allocation by allocation (<c>payment:{paymentId}:{billId}</c>):
/// find the voucher, write the intent, post in the configured mode, confirm; or, for a void, reverse what was posted in
/// the mode it was posted in. The ledger row decides everything: a row already done is never posted again, an intent
/// whose outcome is unknown is looked up before anything is sent, and a fresh intent belongs to the worker that wrote it,
/// also when an operator replays the item. An allocation the ledger has no row for is looked up in PeopleSoft before its
/// first post, so a ledger that lost writes (storage restored) cannot cause a second posting.
/// </summary>
public sealed class PaymentSettler(
    LedgerStore ledger,
    AuditTrail audit,
    BillVoucherIndex vouchers,
    IEnumerable<ISettlementPoster> posters,
    IOptions<SettlementOptions> options,
    TimeProvider time,
    ILogger<PaymentSettler> logger)
{
    private readonly Dictionary<SettlementMode, ISettlementPoster> _posters = posters.ToDictionary(p => p.Mode);
    private readonly SettlementOptions _options = options.Value;

    /// <summary>Settles every allocation of <paramref name="payment"/> (read from BILL just before).</summary>
    /// <param name="payment">The payment as BILL shows it now.</param>
    /// <param name="runId">The run the work item belongs to, if any.</param>
    /// <param name="replay">True when an operator replayed the item: parked allocations are reconsidered.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<IReadOnlyList<AllocationResult>> SettleAsync(Payment payment, string? runId, bool replay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var paymentId = payment.Id ?? throw new ArgumentException("The payment has no id.", nameof(payment));
        var allocations = PaymentAllocation.Of(payment);
        var disposition = PaymentDispositions.Of(payment);
        if (disposition == PaymentDisposition.Pending && !PaymentDispositions.IsKnown(payment.SingleStatus))
            SettlementLog.UnknownStatus(logger, paymentId, payment.SingleStatus);

        var results = new List<AllocationResult>();
        foreach (var allocation in allocations)
        {
            var context = new AllocationContext(payment, allocation, runId, replay);
            try
            {
                results.Add(disposition switch
                {
                    PaymentDisposition.Cleared => await PostAsync(context, cancellationToken).ConfigureAwait(false),
                    PaymentDisposition.Reverse => await ReverseAsync(context, cancellationToken).ConfigureAwait(false),
                    _ => Pending(context),
                });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The attempt failed (storage, an unexpected answer): its steps so far still go to the trail if storage lets them.
                await FlushAuditQuietlyAsync(context).ConfigureAwait(false);
                throw;
            }
            await FlushAuditAsync(context, cancellationToken).ConfigureAwait(false);
        }
        return results;
    }

    // ---- cleared: post ----

    private async Task<AllocationResult> PostAsync(AllocationContext context, CancellationToken cancellationToken)
    {
        var posting = await PlanAsync(context, SettlementOperation.Post, cancellationToken).ConfigureAwait(false);
        var insert = await ledger.TryInsertIntentAsync(posting.Key, null, context.RunId, posting.ToJson(), cancellationToken).ConfigureAwait(false);
        if (insert.Inserted)
        {
            Audit(context, posting.Key, "ledger.intent", "ok", Describe(posting));
            if (posting.VoucherKey is null) return await ParkAsync(context, insert.Entry, NoVoucherReason(posting), cancellationToken).ConfigureAwait(false);
            return await FirstPostAsync(context, insert.Entry, posting, cancellationToken).ConfigureAwait(false);
        }

        var row = insert.Entry;
        if (row.State == LedgerState.Done)
            return Already(context, row, $"already posted as {row.RemoteId}");
        if (row.State == SettlementStates.Reversed || row.State == SettlementStates.Voided || row.State == SettlementStates.Reversing)
            return Already(context, row, $"BILL shows it cleared but the ledger has it {row.State}: a void came first; nothing is posted again");
        if (row.State == LedgerState.Parked && !context.Replay)
            return new AllocationResult(row.Key, AllocationResultKind.Parked, row.ParkedReason ?? "parked");
        if (IsHeldByAnother(row)) return HeldByAnother(row);

        // An intent whose outcome is unknown, or a parked row an operator replayed: claim it, then look before posting.
        var earlier = SettlementPosting.TryParse(row.Detail);
        var wasParked = row.State == LedgerState.Parked;
        var sent = earlier is { Operation: SettlementOperation.Post, VoucherKey: not null } ? earlier : null;
        var current = sent is null ? posting : posting with { Mode = sent.Mode, BusinessUnit = sent.BusinessUnit, VoucherId = sent.VoucherId, Reference = sent.Reference };
        var claimed = await ClaimAsync(row with { State = LedgerState.Intent, ParkedReason = null, Detail = current.ToJson() }, context, cancellationToken).ConfigureAwait(false);
        if (claimed is null) return HeldByAnother(row);
        if (current.VoucherKey is null) return await ParkAsync(context, claimed, NoVoucherReason(current), cancellationToken).ConfigureAwait(false);
        if (sent is null) return await PostAndConfirmAsync(context, claimed, current, cancellationToken).ConfigureAwait(false);

        var presence = await FindAsync(current, cancellationToken).ConfigureAwait(false);
        switch (presence)
        {
            case PostingPresence.InForce:
                Audit(context, row.Key, "peoplesoft.lookup", "found", $"an earlier attempt had posted it ({current.Reference}); adopted");
                return await MarkPostedAsync(context, claimed, current, current.RemoteId ?? current.Reference, cancellationToken).ConfigureAwait(false);
            case PostingPresence.Different:
                return await ParkAsync(context, claimed, DifferentReason(current), cancellationToken).ConfigureAwait(false);
            case PostingPresence.Unknown when !sent.Unsent && !wasParked:
                return await ParkAsync(context, claimed,
                    $"the outcome of an earlier {current.Mode} posting is unknown and this mode cannot be looked up: check PeopleSoft for " +
                    $"\"BILL payment {current.Reference} of voucher {current.BusinessUnit}/{current.VoucherId}\"; replay this item only if it is not there",
                    cancellationToken).ConfigureAwait(false);
            default:
                return await PostAndConfirmAsync(context, claimed, current, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The ledger had no row: it may have lost one, so PeopleSoft is asked before anything is sent.</summary>
    private async Task<AllocationResult> FirstPostAsync(AllocationContext context, LedgerEntry row, SettlementPosting posting, CancellationToken cancellationToken)
    {
        PostingPresence presence;
        try
        {
            presence = await FindAsync(posting, cancellationToken).ConfigureAwait(false);
        }
        catch (PeopleSoftException ex)
        {
            // Nothing was sent: say so, so the next attempt may post (after looking again) even in a mode that cannot look.
            var kept = await ledger.UpdateAsync(row with { Detail = (posting with { Unsent = true }).ToJson() }, cancellationToken).ConfigureAwait(false);
            Audit(context, kept.Key, "peoplesoft.lookup", "retry", $"not sent: the look-up before the first post failed: {ex.Message}");
            return AllocationResult.Retry(kept.Key, _options.RetryDelay, ex.Message);
        }
        switch (presence)
        {
            case PostingPresence.InForce:
                Audit(context, row.Key, "peoplesoft.lookup", "found",
                    $"the ledger had no record, but PeopleSoft already shows {Describe(posting)}; adopted, nothing sent");
                return await MarkPostedAsync(context, row, posting, posting.RemoteId ?? posting.Reference, cancellationToken).ConfigureAwait(false);
            case PostingPresence.Different:
                return await ParkAsync(context, row, DifferentReason(posting), cancellationToken).ConfigureAwait(false);
            default:
                return await PostAndConfirmAsync(context, row, posting, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AllocationResult> PostAndConfirmAsync(AllocationContext context, LedgerEntry row, SettlementPosting posting, CancellationToken cancellationToken)
    {
        var poster = Poster(posting.Mode);
        string remoteId;
        // The trail shows the intent before anything goes to PeopleSoft.
        await FlushAuditAsync(context, cancellationToken).ConfigureAwait(false);
        try
        {
            remoteId = await poster.PostAsync(posting, cancellationToken).ConfigureAwait(false);
        }
        catch (PeopleSoftException ex)
        {
            return await FailedCallAsync(context, row, posting, "peoplesoft.post", ex, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            return await ParkAsync(context, row, ex.Message, cancellationToken).ConfigureAwait(false);
        }
        Audit(context, row.Key, "peoplesoft.post", "ok", $"{posting.Mode}: {Describe(posting)} as {remoteId}");
        var posted = posting with { RemoteId = remoteId, Unsent = false };

        PostingPresence presence;
        try
        {
            presence = await poster.FindAsync(posted, cancellationToken).ConfigureAwait(false);
        }
        catch (PeopleSoftException ex)
        {
            // Posted but not confirmed: the intent stays, and the next attempt looks it up (and adopts it) first.
            var kept = await ledger.UpdateAsync(row with { Detail = posted.ToJson() }, cancellationToken).ConfigureAwait(false);
            return ConfirmLater(context, kept.Key, $"posted, but the confirmation query failed: {ex.Message}");
        }

        switch (presence)
        {
            case PostingPresence.InForce:
            case PostingPresence.Unknown:
                Audit(context, row.Key, "peoplesoft.confirm", presence == PostingPresence.InForce ? "ok" : "n/a",
                    presence == PostingPresence.InForce ? "PeopleSoft shows the payment" : $"{posting.Mode} postings cannot be queried; PeopleSoft answered {remoteId}");
                return await MarkPostedAsync(context, row, posted, remoteId, cancellationToken).ConfigureAwait(false);
            case PostingPresence.Different:
                return await ParkAsync(context, row, DifferentReason(posted), cancellationToken).ConfigureAwait(false);
            default:
                await ledger.UpdateAsync(row with { Detail = posted.ToJson() }, cancellationToken).ConfigureAwait(false);
                return ConfirmLater(context, row.Key, "posted, but PeopleSoft does not show it yet; looking again later");
        }
    }

    private async Task<AllocationResult> MarkPostedAsync(AllocationContext context, LedgerEntry row, SettlementPosting posting, string remoteId, CancellationToken cancellationToken)
    {
        await ledger.UpdateAsync(row with { State = LedgerState.Done, RemoteId = remoteId, ParkedReason = null, Detail = (posting with { RemoteId = remoteId }).ToJson() }, cancellationToken).ConfigureAwait(false);
        Audit(context, row.Key, "settlement.posted", "ok", $"{Describe(posting)} posted as {remoteId}");
        return new AllocationResult(row.Key, AllocationResultKind.Posted);
    }

    // ---- voided, canceled, failed: reverse ----

    private async Task<AllocationResult> ReverseAsync(AllocationContext context, CancellationToken cancellationToken)
    {
        var key = Work.ItemKeys.Payment(context.PaymentId, context.Allocation.BillId);
        var row = await ledger.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            var nothing = await PlanAsync(context, SettlementOperation.None, cancellationToken).ConfigureAwait(false);
            var insert = await ledger.TryInsertIntentAsync(key, null, context.RunId, nothing.ToJson(), cancellationToken).ConfigureAwait(false);
            if (insert.Inserted)
            {
                await ledger.UpdateAsync(insert.Entry with { State = SettlementStates.Voided }, cancellationToken).ConfigureAwait(false);
                Audit(context, key, "settlement.voided", "ok", $"BILL shows {context.Payment.SingleStatus} and nothing was posted: nothing to reverse");
                return new AllocationResult(key, AllocationResultKind.Voided);
            }
            row = insert.Entry;
        }

        if (row.State == SettlementStates.Reversed || row.State == SettlementStates.Voided)
            return Already(context, row, $"already {row.State}");
        var earlier = SettlementPosting.TryParse(row.Detail);
        if (earlier is null) return await ParkAsync(context, row, "the ledger row has no readable posting detail; an operator must check PeopleSoft", cancellationToken).ConfigureAwait(false);

        if (row.State == LedgerState.Done)
        {
            var claimed = await ClaimAsync(row with { State = SettlementStates.Reversing, Detail = (earlier with { Operation = SettlementOperation.Reverse, Unsent = false }).ToJson() }, context, cancellationToken).ConfigureAwait(false);
            if (claimed is null) return HeldByAnother(row);
            Audit(context, key, "ledger.intent", "ok", $"reverse: BILL shows {context.Payment.SingleStatus} after {Describe(earlier)} was posted");
            return await ReverseAndConfirmAsync(context, claimed, earlier with { Operation = SettlementOperation.Reverse }, cancellationToken).ConfigureAwait(false);
        }

        if (IsHeldByAnother(row)) return HeldByAnother(row);
        var wasParked = row.State == LedgerState.Parked;
        if (earlier.Operation == SettlementOperation.None || earlier.VoucherKey is null)
            return await MarkVoidedAsync(context, row, cancellationToken).ConfigureAwait(false);

        // An intent (post or reverse) with an unknown outcome, or a parked row: look, then reverse only what is in force.
        var presence = await FindAsync(earlier, cancellationToken).ConfigureAwait(false);
        var reversing = earlier.Operation == SettlementOperation.Reverse;
        switch (presence)
        {
            case PostingPresence.InForce:
            case PostingPresence.Unknown when reversing && (earlier.Unsent || context.Replay):
            {
                var claimed = await ClaimAsync(row with { State = SettlementStates.Reversing, ParkedReason = null, Detail = (earlier with { Operation = SettlementOperation.Reverse }).ToJson() }, context, cancellationToken).ConfigureAwait(false);
                if (claimed is null) return HeldByAnother(row);
                return await ReverseAndConfirmAsync(context, claimed, earlier with { Operation = SettlementOperation.Reverse }, cancellationToken).ConfigureAwait(false);
            }
            case PostingPresence.Absent when reversing:
                return await MarkReversedAsync(context, row, earlier, earlier.ReversalRemoteId ?? "(not in force any more)", cancellationToken).ConfigureAwait(false);
            case PostingPresence.Absent:
            case PostingPresence.Unknown when earlier.Unsent:
                return await MarkVoidedAsync(context, row, cancellationToken).ConfigureAwait(false);
            case PostingPresence.Different:
                return await ParkAsync(context, row, DifferentReason(earlier), cancellationToken).ConfigureAwait(false);
            default:
                if (wasParked) return new AllocationResult(row.Key, AllocationResultKind.Parked, row.ParkedReason);
                return await ParkAsync(context, row,
                    $"BILL shows {context.Payment.SingleStatus}, but whether the earlier {earlier.Mode} {(reversing ? "reversal" : "posting")} reached PeopleSoft is unknown: check PeopleSoft " +
                    $"for BILL payment {earlier.Reference} of voucher {earlier.BusinessUnit}/{earlier.VoucherId}",
                    cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AllocationResult> ReverseAndConfirmAsync(AllocationContext context, LedgerEntry row, SettlementPosting posting, CancellationToken cancellationToken)
    {
        var poster = Poster(posting.Mode);
        string remoteId;
        // The trail shows the intent before anything goes to PeopleSoft.
        await FlushAuditAsync(context, cancellationToken).ConfigureAwait(false);
        try
        {
            remoteId = await poster.ReverseAsync(posting, ReversalDate(context.Payment), cancellationToken).ConfigureAwait(false);
        }
        catch (PeopleSoftException ex)
        {
            return await FailedCallAsync(context, row, posting, "peoplesoft.reverse", ex, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            return await ParkAsync(context, row, ex.Message, cancellationToken).ConfigureAwait(false);
        }
        Audit(context, row.Key, "peoplesoft.reverse", "ok", $"{posting.Mode}: reversed {Describe(posting)} as {remoteId}");
        var reversed = posting with { ReversalRemoteId = remoteId, Unsent = false };

        PostingPresence presence;
        try
        {
            presence = await poster.FindAsync(reversed, cancellationToken).ConfigureAwait(false);
        }
        catch (PeopleSoftException ex)
        {
            var kept = await ledger.UpdateAsync(row with { Detail = reversed.ToJson() }, cancellationToken).ConfigureAwait(false);
            return ConfirmLater(context, kept.Key, $"reversed, but the confirmation query failed: {ex.Message}");
        }
        if (presence is PostingPresence.InForce or PostingPresence.Different)
        {
            await ledger.UpdateAsync(row with { Detail = reversed.ToJson() }, cancellationToken).ConfigureAwait(false);
            return ConfirmLater(context, row.Key, "reversed, but PeopleSoft still shows the payment in force; looking again later");
        }
        return await MarkReversedAsync(context, row, reversed, remoteId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AllocationResult> MarkReversedAsync(AllocationContext context, LedgerEntry row, SettlementPosting posting, string remoteId, CancellationToken cancellationToken)
    {
        await ledger.UpdateAsync(row with { State = SettlementStates.Reversed, ParkedReason = null, Detail = (posting with { ReversalRemoteId = remoteId }).ToJson() }, cancellationToken).ConfigureAwait(false);
        Audit(context, row.Key, "settlement.reversed", "ok", $"BILL shows {context.Payment.SingleStatus}: {Describe(posting)} reversed as {remoteId}");
        return new AllocationResult(row.Key, AllocationResultKind.Reversed);
    }

    private async Task<AllocationResult> MarkVoidedAsync(AllocationContext context, LedgerEntry row, CancellationToken cancellationToken)
    {
        await ledger.UpdateAsync(row with { State = SettlementStates.Voided, ParkedReason = null }, cancellationToken).ConfigureAwait(false);
        Audit(context, row.Key, "settlement.voided", "ok", $"BILL shows {context.Payment.SingleStatus} and PeopleSoft has no posting in force: nothing to reverse");
        return new AllocationResult(row.Key, AllocationResultKind.Voided);
    }

    // ---- not final ----

    private AllocationResult Pending(AllocationContext context)
    {
        var key = Work.ItemKeys.Payment(context.PaymentId, context.Allocation.BillId);
        var known = PaymentDispositions.IsKnown(context.Payment.SingleStatus) ? "" : " (a status PsBill does not know, treated as not final)";
        Audit(context, key, "payment.pending", "waiting",
            $"BILL shows {context.Payment.SingleStatus ?? "no status"}{known} for {context.Allocation.Amount} on bill {context.Allocation.BillId}: not final, nothing posted");
        return new AllocationResult(key, AllocationResultKind.Pending);
    }

    // ---- shared steps ----

    private async Task<SettlementPosting> PlanAsync(AllocationContext context, SettlementOperation operation, CancellationToken cancellationToken)
    {
        var payment = context.Payment;
        (string BusinessUnit, string VoucherId)? voucher;
        try
        {
            voucher = SettlementKeys.VoucherOf(await vouchers.FindVoucherKeyAsync(context.Allocation.BillId, cancellationToken).ConfigureAwait(false));
        }
        catch (AmbiguousVoucherException ex)
        {
            // Posting to either voucher could be wrong: treat the bill as having no voucher (it parks) and say why.
            Audit(context, Work.ItemKeys.Payment(context.PaymentId, context.Allocation.BillId), "voucher.lookup", "ambiguous", ex.Message);
            voucher = null;
        }
        return new SettlementPosting
        {
            PaymentId = context.PaymentId,
            BillId = context.Allocation.BillId,
            BusinessUnit = voucher?.BusinessUnit,
            VoucherId = voucher?.VoucherId,
            Amount = context.Allocation.Amount,
            Reference = ReferenceOf(payment),
            PaymentDate = payment.ProcessDate ?? DateOnly.FromDateTime((payment.UpdatedTime ?? time.GetUtcNow()).UtcDateTime),
            Method = _options.PaymentMethod,
            Mode = _options.Mode,
            Operation = operation,
        };
    }

    /// <summary>The reference PeopleSoft keeps: BILL's confirmation number, else its transaction number, else the payment id.</summary>
    public static string ReferenceOf(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new[] { payment.ConfirmationNumber, payment.TransactionNumber, payment.Id }.First(v => !string.IsNullOrWhiteSpace(v))!;
    }

    private DateOnly ReversalDate(Payment payment)
    {
        var at = payment.VoidInfo?.Select(v => v.CreatedTime).FirstOrDefault(t => t is not null) ?? payment.UpdatedTime ?? time.GetUtcNow();
        return DateOnly.FromDateTime(at.UtcDateTime);
    }

    private async Task<PostingPresence> FindAsync(SettlementPosting posting, CancellationToken cancellationToken) =>
        await Poster(posting.Mode).FindAsync(posting, cancellationToken).ConfigureAwait(false);

    private ISettlementPoster Poster(SettlementMode mode) =>
        _posters.TryGetValue(mode, out var poster) ? poster : throw new InvalidOperationException($"No settlement poster is registered for mode {mode}.");

    /// <summary>A fresh intent is a live claim of another worker (or of an earlier attempt still in its call). A replay
    /// respects it too: replaying a payment while a delivery is posting it must not post it beside that delivery.</summary>
    private bool IsHeldByAnother(LedgerEntry row) =>
        (row.State == LedgerState.Intent || row.State == SettlementStates.Reversing)
        && time.GetUtcNow() - row.UpdatedAt < _options.ClaimTimeout;

    /// <summary>
    /// Another attempt holds the row: look again after as long as it has held it (at least <see cref="SettlementOptions.ClaimRetryDelay"/>),
    /// or, once that would leave less than as long again, when the claim expires. A live attempt finishes in seconds and is
    /// seen soon; a dead one (a crashed host) is waited out in a few doubling waits, so the item's retries cannot run out
    /// before its claim may be taken over. (A fixed short delay did: after a kill -9, the new host spent every retry on
    /// its own dead intent and failed the item.)
    /// </summary>
    private AllocationResult HeldByAnother(LedgerEntry row)
    {
        var held = time.GetUtcNow() - row.UpdatedAt;
        var left = _options.ClaimTimeout - held;
        var wait = left <= held + held ? left : held;
        return AllocationResult.Retry(row.Key, wait > _options.ClaimRetryDelay ? wait : _options.ClaimRetryDelay,
            "another delivery of this payment is settling it; looking again shortly");
    }

    /// <summary>Takes the row for this attempt (ETag-checked); null when another worker changed it first.</summary>
    private async Task<LedgerEntry?> ClaimAsync(LedgerEntry row, AllocationContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.UpdateAsync(row with { Attempts = row.Attempts + 1, RunId = context.RunId ?? row.RunId }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    private async Task<AllocationResult> FailedCallAsync(AllocationContext context, LedgerEntry row, SettlementPosting posting, string step, PeopleSoftException ex, CancellationToken cancellationToken)
    {
        switch (ex.Kind)
        {
            case PeopleSoftErrorKind.Transient:
                // The request never reached PeopleSoft: record that, so the next attempt may send again even where it cannot look.
                await ledger.UpdateAsync(row with { Detail = (posting with { Unsent = true }).ToJson() }, cancellationToken).ConfigureAwait(false);
                Audit(context, row.Key, step, "retry", $"not sent: {ex.Message}");
                return AllocationResult.Retry(row.Key, _options.RetryDelay, ex.Message);
            case PeopleSoftErrorKind.OutcomeUnknown when !Poster(posting.Mode).CanFind:
                // A journal cannot be looked up: sending it again risks a second journal, so an operator decides.
                Audit(context, row.Key, step, "unknown", ex.Message);
                return await ParkAsync(context, row with { Detail = posting.ToJson() },
                    $"the outcome of the {posting.Mode} {(posting.Operation == SettlementOperation.Reverse ? "reversal" : "posting")} is unknown ({ex.Message}) and this mode cannot be looked up: " +
                    $"check PeopleSoft for a journal \"BILL payment {posting.Reference} of voucher {posting.BusinessUnit}/{posting.VoucherId}\"; " +
                    "replay this item only if it is not there",
                    cancellationToken).ConfigureAwait(false);
            case PeopleSoftErrorKind.OutcomeUnknown:
                Audit(context, row.Key, step, "unknown", $"{ex.Message}; the next attempt looks it up first");
                return AllocationResult.Retry(row.Key, _options.RetryDelay, ex.Message);
            case PeopleSoftErrorKind.Authentication:
                await ledger.UpdateAsync(row with { Detail = (posting with { Unsent = true }).ToJson() }, cancellationToken).ConfigureAwait(false);
                Audit(context, row.Key, step, "retry", ex.Message);
                return AllocationResult.Retry(row.Key, _options.RetryDelay, ex.Message);
            default:
                // Rejected by a business rule, or a configuration problem: nothing was saved (the CI saves all or nothing).
                var parked = row with { Detail = (posting with { Unsent = true }).ToJson() };
                return await ParkAsync(context, parked, ex.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AllocationResult> ParkAsync(AllocationContext context, LedgerEntry row, string reason, CancellationToken cancellationToken)
    {
        await ledger.UpdateAsync(row with { State = LedgerState.Parked, ParkedReason = reason }, cancellationToken).ConfigureAwait(false);
        Audit(context, row.Key, "settlement.park", "parked", reason);
        SettlementLog.Parked(logger, row.Key, reason);
        return new AllocationResult(row.Key, AllocationResultKind.Parked, reason);
    }

    private AllocationResult Already(AllocationContext context, LedgerEntry row, string detail)
    {
        Audit(context, row.Key, "settlement.skip", "already", detail);
        return new AllocationResult(row.Key, AllocationResultKind.AlreadySettled, detail);
    }

    private AllocationResult ConfirmLater(AllocationContext context, string key, string reason)
    {
        Audit(context, key, "peoplesoft.confirm", "retry", reason);
        return AllocationResult.Retry(key, _options.RetryDelay, reason);
    }

    /// <summary>
    /// Logs a step and keeps it for the audit trail, which gets an allocation's steps in one table transaction before each
    /// PeopleSoft posting or reversal and when the allocation is settled (a row per step, one write instead of four).
    /// </summary>
    private void Audit(AllocationContext context, string key, string step, string outcome, string detail)
    {
        SettlementLog.Step(logger, key, step, outcome, detail);
        context.Steps.Add((key, step, outcome, detail, context.RunId));
    }

    private async Task FlushAuditAsync(AllocationContext context, CancellationToken cancellationToken)
    {
        if (context.Steps.Count == 0) return;
        await audit.AppendManyAsync(context.Steps, cancellationToken).ConfigureAwait(false);
        context.Steps.Clear();
    }

    private async Task FlushAuditQuietlyAsync(AllocationContext context)
    {
        try
        {
            await FlushAuditAsync(context, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Best effort only: the attempt's own failure is what propagates (a storage outage's retries end in an
            // AggregateException, not a RequestFailedException).
            SettlementLog.AuditNotWritten(logger, context.Steps.Count, context.PaymentId, ex.Message);
        }
    }

    private static string Describe(SettlementPosting p) =>
        $"{p.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} of BILL payment {p.PaymentId} ({p.Reference}) on bill {p.BillId}" +
        (p.VoucherKey is null ? "" : $" to {p.VoucherKey}");

    private static string NoVoucherReason(SettlementPosting p) =>
        $"BILL bill {p.BillId} has no PeopleSoft voucher in the ledger (not created by PsBill, its voucher row is missing, or two vouchers claim it: see the audit trail); " +
        "replay this item once the voucher is synced";

    private static string DifferentReason(SettlementPosting p) =>
        $"PeopleSoft shows a payment {p.Reference} on {p.VoucherKey} in force for another amount than BILL's {p.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}: an operator must reconcile it";

    private sealed record AllocationContext(Payment Payment, PaymentAllocation Allocation, string? RunId, bool Replay)
    {
        public string PaymentId => Payment.Id!;

        /// <summary>Audit steps not yet written.</summary>
        public List<(string Key, string Step, string Outcome, string? Detail, string? RunId)> Steps { get; } = [];
    }
}
