using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Bill.Gate;

/// <summary>
/// Settings of the BILL call gate, bound from <c>PsBill:Bill:Gate</c>. The gate keeps the number of BILL calls in
/// flight per organization at or below <see cref="SlotCount"/> across every process that shares the storage account.
/// </summary>
public sealed class BillGateOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "PsBill:Bill:Gate";

    /// <summary>Calls in flight per BILL organization, across all processes. BILL rejects the 4th (<c>BDC_1322</c>). Default 3.</summary>
    [Range(1, 3)]
    public int SlotCount { get; set; } = 3;

    /// <summary>The blob container holding one lease blob per slot (<c>{organizationId}/slot-{n}</c>). Default <c>psbill-leases</c>.</summary>
    [Required, RegularExpression("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    public string ContainerName { get; set; } = "psbill-leases";

    /// <summary>Lease length on a slot blob (Azure allows 15 to 60 seconds). A crashed holder frees its slot after
    /// at most this long. Default 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:15", "00:01:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a held lease is renewed while its call runs. Must be well under <see cref="LeaseDuration"/>. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause before trying the slots again when other processes hold all of them (jittered). Default 20 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:05")]
    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Calls in a row a process may make on one slot's lease while it has more calls waiting, before it gives
    /// the lease back so other processes get their turn. 1 gives every slot back after each call. Default 10.</summary>
    [Range(1, 1000)]
    public int MaxConsecutiveUses { get; set; } = 10;
}
