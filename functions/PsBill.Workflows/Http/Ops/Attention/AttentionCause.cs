using PsBill.Connector.Storage.Ledger;
using PsBill.Connector.Sync.Ledger;

namespace PsBill.Workflows.Http.Ops.Attention;

/// <summary>
/// What needs the operator, grouped by what they have to do about it: each group says so in plain words. The sync's own
/// <see cref="ParkCause"/> decides the group of a parked supplier or voucher; a parked payment posting is something
/// PeopleSoft or the voucher side refused; the failures table is its own group.
/// </summary>
/// <param name="Name">The group's name in URLs and scripts: mapping, data, rejected, waiting, failed.</param>
/// <param name="Title">A heading for the page.</param>
/// <param name="WhatToDo">What the operator does about it, in plain words.</param>
/// <param name="ComesBackByItself">True when the items are retried without the operator once the cause is fixed.</param>
public sealed record AttentionCause(string Name, string Title, string WhatToDo, bool ComesBackByItself)
{
    /// <summary>An account or department has no BILL classification.</summary>
    public static readonly AttentionCause Mapping = new("mapping", "Missing mapping",
        "An account or department on these records has no BILL classification. Add it in BILL (or in the mapping overrides file), then press \"Sync reference data now\": they are tried again right after it.",
        true);

    /// <summary>The PeopleSoft record itself is wrong.</summary>
    public static readonly AttentionCause Data = new("data", "Bad data in PeopleSoft",
        "The PeopleSoft record itself is wrong (amount, date, lines, a missing field: see the reason). Fix it in PeopleSoft: the next poll reads it again and it comes back by itself.",
        true);

    /// <summary>BILL or PeopleSoft refused the record, or the two sides disagree.</summary>
    public static readonly AttentionCause Rejected = new("rejected", "Refused",
        "BILL or PeopleSoft refused the record, or the two sides disagree (a paid bill changed, a hand-keyed bill with other amounts, a payment that cannot be posted). Fix it on the side the reason names, then retry.",
        false);

    /// <summary>Waiting for a vendor or for a decision.</summary>
    public static readonly AttentionCause Waiting = new("waiting", "Waiting for a vendor",
        "These wait for their vendor: not yet in BILL (tried again after every poll), or a vendor match to confirm under \"Vendor matches\". Usually nothing to do; retry once the vendor is there.",
        true);

    /// <summary>Work that failed after every automatic retry.</summary>
    public static readonly AttentionCause Failed = new("failed", "Failed after every retry",
        "The work failed after every automatic retry (an outage, a timeout: see the reason). Once the system named there is back, retry.",
        false);

    /// <summary>Every group, most urgent first.</summary>
    public static IReadOnlyList<AttentionCause> All { get; } = [Failed, Rejected, Mapping, Data, Waiting];

    /// <summary>The group of a name, or null.</summary>
    public static AttentionCause? Named(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The group of a parked ledger row.</summary>
    public static AttentionCause Of(LedgerEntry parked)
    {
        ArgumentNullException.ThrowIfNull(parked);
        if (parked.Kind is not ("voucher" or "supplier")) return Rejected;
        return SyncDetail.Parse(parked.Detail).Cause switch
        {
            ParkCause.Mapping => Mapping,
            ParkCause.Data => Data,
            ParkCause.Vendor or ParkCause.Match => Waiting,
            _ => Rejected,
        };
    }
}
