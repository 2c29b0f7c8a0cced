namespace PsBill.Sandbox.Settlement;

/// <summary>How the sandbox's payment phase pays the bills; shares are of the bills that exist. Same seed, same plan.</summary>
public sealed class PaymentPhaseOptions
{
    /// <summary>Random seed of the plan. Default 11.</summary>
    public int Seed { get; set; } = 11;

    /// <summary>Share of the bills that get paid at all. Default 0.6.</summary>
    public double PaidShare { get; set; } = 0.6;

    /// <summary>At most this many bills are paid, whatever the share says. Default 400: the phase shows the settlement loop
    /// (partial, multi-bill, void, lost and repeated webhooks); it is not the throughput test, which is the bill creates,
    /// and a 10,000-voucher run would otherwise spend many minutes paying 6,000 bills at the simulated latency.</summary>
    public int MaxPaidBills { get; set; } = 400;

    /// <summary>Share of the paid bills paid in two partial payments (the second after the first settled). Default 0.2.</summary>
    public double PartialShare { get; set; } = 0.2;

    /// <summary>Share of the paid bills paid together with other bills of the same vendor in one payment. Default 0.25.</summary>
    public double MultiBillShare { get; set; } = 0.25;

    /// <summary>Share of the single-bill payments voided after they cleared and settled. Default 0.1.</summary>
    public double VoidShare { get; set; } = 0.1;

    /// <summary>Share of the single-bill payments left scheduled (not final: nothing may be posted). Default 0.05.</summary>
    public double PendingShare { get; set; } = 0.05;

    /// <summary>Share of the payments whose notification is lost (PollPayments must catch them). Default 0.1.</summary>
    public double LostShare { get; set; } = 0.1;

    /// <summary>Share of the payments whose notification arrives twice. Default 0.15.</summary>
    public double DuplicateShare { get; set; } = 0.15;

    /// <summary>Forged notifications sent of each kind (unsigned, wrong key, altered after signing). Default 2.</summary>
    public int ForgedOfEachKind { get; set; } = 2;

    /// <summary>The longest the phase waits for the work queue to drain after each step. Default 10 minutes.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
