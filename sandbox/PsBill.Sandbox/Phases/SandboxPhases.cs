namespace PsBill.Sandbox.Phases;

/// <summary>The phases of one full cycle, in order.</summary>
public static class SandboxPhases
{
    /// <summary>How long the queue may take to drain before the run fails.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Reference data, suppliers, vouchers, then the queue worked off. The settlement flow (BILL payments back into
    /// PeopleSoft) adds its phases after the drain: pay some bills in the simulated BILL, run PollPayments (and the webhook),
    /// drain again. The report reads <c>peoplesoft.payments_recorded</c> and <c>duplicate_payments</c> from the PeopleSoft
    /// simulator whatever the phases are.
    /// </summary>
    public static IReadOnlyList<ISandboxPhase> Default { get; } =
    [
        new TimerFunctionPhase("SyncReferenceData", "matching PeopleSoft GL accounts and departments to BILL"),
        new TimerFunctionPhase("PollSuppliers", "reading suppliers, enqueueing vendor work"),
        new TimerFunctionPhase("PollVouchers", "reading approved vouchers, enqueueing bill work"),
        new DrainPhase(DrainTimeout),
        new Settlement.PaymentSandboxPhase(),
    ];

    /// <summary>The first load only (<c>--first-load</c>): reference data, suppliers, vouchers, drained; no payments.</summary>
    public static IReadOnlyList<ISandboxPhase> FirstLoad { get; } = [.. Default.Where(p => p is not Settlement.PaymentSandboxPhase)];
}
