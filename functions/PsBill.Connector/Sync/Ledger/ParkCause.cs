using System.Text.Json.Serialization;

namespace PsBill.Connector.Sync.Ledger;

/// <summary>Why a record is parked; decides what retries it by itself.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParkCause>))]
public enum ParkCause
{
    /// <summary>The PeopleSoft record itself is wrong (amount, date, lines): retried when PeopleSoft changes it (the poll reads it again).</summary>
    Data,

    /// <summary>An account or cost center has no BILL mapping: retried after every reference-data sync and poll.</summary>
    Mapping,

    /// <summary>The vendor is missing or not usable: retried after every poll.</summary>
    Vendor,

    /// <summary>BILL refused the record: retried after every reference-data sync (a classification may have been fixed) and on replay.</summary>
    Rejected,

    /// <summary>The bill is paid (or scheduled) in BILL, so a change or withdrawal in PeopleSoft cannot be applied: an operator decides.</summary>
    Paid,

    /// <summary>BILL has vendors that may be this supplier's: an operator confirms one or rejects them (<c>psbill vendors</c>).</summary>
    Match,

    /// <summary>BILL has a hand-keyed bill with the voucher's invoice number but other amounts: an operator fixes one side, then replays it.</summary>
    Existing,
}
