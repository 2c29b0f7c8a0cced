namespace PsBill.Connector.Settlement;

/// <summary>How a cleared BILL payment is posted to PeopleSoft (<c>PsBill:Settlement:Mode</c>).</summary>
public enum SettlementMode
{
    /// <summary>Record the payment on the voucher through the payment Component Interface, then confirm it through the
    /// read-only payment status query. The default: the voucher itself shows paid.</summary>
    RecordPayment,

    /// <summary>Book a journal through the journal Component Interface: debit AP liability, credit cash.</summary>
    Journal,

    /// <summary>Stage the posting in the settlements table; AP loads <c>psbill settlements export</c> itself.</summary>
    Stage,
}
