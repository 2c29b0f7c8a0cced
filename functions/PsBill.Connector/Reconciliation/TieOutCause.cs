using System.Text.Json.Serialization;

namespace PsBill.Connector.Reconciliation;

/// <summary>Why a line differs (or is held).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TieOutCause>))]
public enum TieOutCause
{
    /// <summary>The voucher or a payment of it is parked with a reason.</summary>
    Parked,

    /// <summary>The connector is on it: not yet sent, intent written, reversal or posting under way, archive pending.</summary>
    InFlight,

    /// <summary>BILL shows the payment as scheduled or in process, not cleared.</summary>
    ScheduledInBill,

    /// <summary>BILL voided the payment and PeopleSoft reversed it (or is reversing it).</summary>
    VoidedAndReversed,

    /// <summary>Posted as a journal or staged for import (modes Journal and Stage): the voucher shows no payment by design.</summary>
    PostedOutsideVoucher,

    /// <summary>Nothing the connector knows explains it.</summary>
    Unexplained,
}
