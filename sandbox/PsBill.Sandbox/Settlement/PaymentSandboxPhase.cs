using System.Globalization;
using PsBill.Sandbox.Phases;

namespace PsBill.Sandbox.Settlement;

/// <summary>The runner's step for <see cref="PaymentPhase"/>: pays bills in BILL after the first drain, settles them in
/// PeopleSoft through webhooks and PollPayments, and prints what PeopleSoft shows. Its result is kept in <see cref="Result"/>.</summary>
public sealed class PaymentSandboxPhase(PaymentPhaseOptions? options = null) : ISandboxPhase
{
    /// <inheritdoc />
    public string Name => "Payments";

    /// <summary>The figures of the last run (null before).</summary>
    public PaymentPhaseResult? Result { get; private set; }

    /// <inheritdoc />
    public async Task RunAsync(SandboxRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Progress.Line("paying bills in BILL (partial, multi-bill, voided, scheduled; webhooks lost, repeated, forged), then PollPayments");
        var result = await new PaymentPhase(run.World.Bill, run.World.PeopleSoft, run.World.Host, options).RunAsync(cancellationToken).ConfigureAwait(false);
        Result = result;
        run.Progress.Line(string.Create(CultureInfo.InvariantCulture,
            $"payments: {result.PaymentsMade} made, {result.ClearedAllocations} cleared allocations -> PeopleSoft recorded {result.PaymentsRecorded} " +
            $"(duplicates {result.DuplicatePayments}, reversals {result.PaymentReversals}/{result.VoidedAllocations}); webhooks lost {result.WebhooksLost}, " +
            $"repeated {result.WebhooksDuplicated}, forged refused {result.WebhooksForgedRefused}/{result.WebhooksForged}; parked {result.Parked}"));
        run.Progress.Line("payments: steps " + string.Join(", ", result.StepSeconds.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0.0} s"))));
        if (!result.Consistent)
            run.Progress.Line("payments: PeopleSoft does NOT show exactly the cleared allocations; see the ledger's payment rows (psbill ops parked)");
    }
}
