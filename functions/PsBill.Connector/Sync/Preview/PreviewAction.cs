using System.Text.Json.Serialization;

namespace PsBill.Connector.Sync.Preview;

/// <summary>What a cycle would do with one record.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PreviewAction>))]
public enum PreviewAction
{
    /// <summary>Create a new BILL vendor.</summary>
    CreateVendor,

    /// <summary>Adopt a vendor keyed into BILL by hand (or confirmed by an operator).</summary>
    AdoptVendor,

    /// <summary>Update the supplier's BILL vendor.</summary>
    UpdateVendor,

    /// <summary>Archive the supplier's BILL vendor.</summary>
    ArchiveVendor,

    /// <summary>Create a new BILL bill.</summary>
    CreateBill,

    /// <summary>Adopt a bill keyed into BILL by hand.</summary>
    AdoptBill,

    /// <summary>Update the voucher's BILL bill.</summary>
    UpdateBill,

    /// <summary>Archive the voucher's BILL bill.</summary>
    ArchiveBill,

    /// <summary>Park the record, with the reason.</summary>
    Park,

    /// <summary>Leave it out of BILL (inactive supplier, cutover), with the reason.</summary>
    Skip,

    /// <summary>BILL already holds this version: nothing to send.</summary>
    Unchanged,

    /// <summary>Another attempt is sending it right now: the cycle would try it again later.</summary>
    Wait,
}
