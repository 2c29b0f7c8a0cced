namespace PsBill.Connector.Bill.Models;

/// <summary>
/// Values of <see cref="Payment.SingleStatus"/> the connector acts on. BILL documents more (in-flight states such as
/// FUNDING_STARTED, failures named FUNDING_FAILED_* and DISBURSEMENT_FAILED_*); anything not final is waited on.
/// </summary>
public static class PaymentSingleStatus
{
    public const string Cleared = "CLEARED";
    public const string Scheduled = "SCHEDULED";
    public const string Voided = "VOIDED";
    public const string Canceled = "CANCELED";
    public const string FundsEscheated = "FUNDS_ESCHEATED";

    /// <summary>True when the status will not change any more (cleared, voided, canceled, escheated or failed).</summary>
    public static bool IsFinal(string? singleStatus) => singleStatus is not null && (
        singleStatus is Cleared or Voided or Canceled or FundsEscheated
        || singleStatus.StartsWith("FUNDING_FAILED", StringComparison.Ordinal)
        || singleStatus.StartsWith("DISBURSEMENT_FAILED", StringComparison.Ordinal));
}
