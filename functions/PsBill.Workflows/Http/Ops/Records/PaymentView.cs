using PsBill.Connector.Settlement;
using PsBill.Connector.Storage.Ledger;

namespace PsBill.Workflows.Http.Ops.Records;

/// <summary>A payment posted back (or being posted) to a voucher: one allocation of a BILL payment to one bill.</summary>
/// <param name="Key">The ledger key <c>payment:{paymentId}:{billId}</c>.</param>
/// <param name="PaymentId">BILL's payment id.</param>
/// <param name="BillId">BILL's bill id.</param>
/// <param name="State">Where the posting stands (done = posted and confirmed).</param>
/// <param name="Amount">The amount applied to the bill.</param>
/// <param name="PaymentDate">The day BILL paid.</param>
/// <param name="Reference">The payment reference in PeopleSoft.</param>
/// <param name="Mode">How it is posted (RecordPayment, Journal, Stage).</param>
/// <param name="Method">PYMNT_METHOD.</param>
/// <param name="PostedAs">What PeopleSoft calls the posting.</param>
/// <param name="ReversedAs">What PeopleSoft calls its reversal, if reversed.</param>
/// <param name="ParkedReason">Why it is parked, if it is.</param>
/// <param name="UpdatedAt">When its row was last written.</param>
public sealed record PaymentView(
    string Key,
    string PaymentId,
    string BillId,
    string State,
    decimal? Amount,
    DateOnly? PaymentDate,
    string? Reference,
    string? Mode,
    string? Method,
    string? PostedAs,
    string? ReversedAs,
    string? ParkedReason,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The view of a payment row.</summary>
    public static PaymentView Of(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var posting = SettlementPosting.TryParse(entry.Detail);
        var parts = entry.Key.Split(':', 3);
        return new PaymentView(
            entry.Key,
            posting?.PaymentId ?? (parts.Length == 3 ? parts[1] : ""),
            posting?.BillId ?? (parts.Length == 3 ? parts[2] : ""),
            entry.State.Value,
            posting?.Amount,
            posting?.PaymentDate,
            posting?.Reference,
            posting?.Mode.ToString(),
            posting?.Method,
            posting?.RemoteId ?? entry.RemoteId,
            posting?.ReversalRemoteId,
            entry.ParkedReason,
            entry.UpdatedAt);
    }
}
