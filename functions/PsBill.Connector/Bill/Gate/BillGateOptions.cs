using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Bill.Gate;

/// <summary>
/// Settings of the BILL call gate, bound from <c>PsBill:Bill:Gate</c>: the number of BillGate slots (BILL calls in flight
/// per organization, across every instance and flow).
/// </summary>
public sealed class BillGateOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "PsBill:Bill:Gate";

    /// <summary>Calls in flight per BILL organization, across all processes. BILL rejects the 4th (<c>BDC_1322</c>). Default 3.</summary>
    [Range(1, 3)]
    public int SlotCount { get; set; } = 3;
}
