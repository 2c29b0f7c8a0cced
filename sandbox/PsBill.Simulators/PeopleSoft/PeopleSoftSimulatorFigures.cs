namespace PsBill.Simulators.PeopleSoft;

/// <summary>What the simulated PeopleSoft holds and has seen: the numbers the sandbox report reads.</summary>
/// <param name="Suppliers">Suppliers held.</param>
/// <param name="Vouchers">Vouchers held.</param>
/// <param name="ApprovedVouchers">Approved, not deleted vouchers.</param>
/// <param name="PaymentsRecorded">Payments recorded through the CI (action R), duplicates included (<c>peoplesoft.payments_recorded</c>).</param>
/// <param name="DuplicatePayments">Postings that repeated a payment in force with the same voucher and reference (<c>peoplesoft.duplicate_payments</c>).</param>
/// <param name="PaymentReversals">Payments cancelled (action X).</param>
/// <param name="Journals">Journals created.</param>
/// <param name="Calls">HTTP calls answered (or failed on purpose).</param>
/// <param name="MaxConcurrentCalls">The most calls in flight at once.</param>
/// <param name="FaultsInjected">Calls failed on purpose.</param>
/// <param name="AuthenticationFailures">Calls refused for bad credentials.</param>
public sealed record PeopleSoftSimulatorFigures(
    int Suppliers,
    int Vouchers,
    int ApprovedVouchers,
    int PaymentsRecorded,
    int DuplicatePayments,
    int PaymentReversals,
    int Journals,
    long Calls,
    int MaxConcurrentCalls,
    long FaultsInjected,
    long AuthenticationFailures);
