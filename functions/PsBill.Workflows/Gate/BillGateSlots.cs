using Microsoft.DurableTask.Entities;

namespace PsBill.Workflows.Gate;

/// <summary>The entity ids of the BILL slots: <c>@billgate@{organization hash}-{n}</c>.</summary>
public static class BillGateSlots
{
    /// <summary>Slot <paramref name="index"/> of the organization behind <paramref name="gateKey"/>.</summary>
    public static EntityInstanceId Slot(string gateKey, int index) => new(FunctionNames.Entities.BillGate, $"{gateKey}-{index}");

    /// <summary>
    /// A stable starting slot for an orchestration, so that flows running at the same time spread over the slots rather
    /// than all queueing at slot 0. Deterministic (no clock, no random), as orchestration code must be.
    /// </summary>
    public static int StartFor(string instanceId, int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var hash = 17;
        foreach (var c in instanceId) hash = unchecked(hash * 31 + c);
        return (int)((uint)hash % (uint)slots);
    }
}
