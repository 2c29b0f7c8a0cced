using System.Text.Json.Serialization;

namespace PsBill.Connector.Reconciliation;

/// <summary>How one line of the tie-out stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TieOutStatus>))]
public enum TieOutStatus
{
    /// <summary>PeopleSoft and BILL agree to the cent: gross = bill amount, BILL paid = payments in PeopleSoft.</summary>
    Tied,

    /// <summary>They differ (or the voucher is held), for a known reason: parked, in flight, scheduled in BILL, voided and reversed.</summary>
    Explained,

    /// <summary>They differ and the connector cannot say why (a bill edited or deleted by hand, a payment recorded by hand, a bill without voucher).</summary>
    Unexplained,
}
