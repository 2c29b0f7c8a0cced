using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using PsBill.Connector.Diagnostics.Telemetry;

namespace PsBill.Workflows.Gate;

/// <summary>
/// How long an orchestration waited for a BillGate slot: a <c>bill.gate.slot.wait</c> span and the <c>psbill.bill.slot.wait</c>
/// histogram, timed by the orchestration's own clock (the time it asked, the time of the episode that got the lock) and
/// written once: a replay of the same history records nothing.
/// </summary>
internal static class SlotWaitTelemetry
{
    /// <summary>Called right after the lock was granted; <paramref name="asked"/> is the orchestration time it was asked for.</summary>
    public static void Record(TaskOrchestrationContext context, DateTime asked, EntityInstanceId slot)
    {
        if (context.IsReplaying) return;
        var got = context.CurrentUtcDateTime;
        PsBillTelemetry.SlotWait.Record(Math.Max(0, (got - asked).TotalSeconds));
        using var span = PsBillTelemetry.Source.StartActivity(PsBillTelemetry.Spans.SlotWait, ActivityKind.Internal, default(ActivityContext),
            startTime: new DateTimeOffset(DateTime.SpecifyKind(asked, DateTimeKind.Utc)));
        if (span is null) return;
        // The slot's key is a hash of the organization and a number (never the organization id); the instance names the flow.
        span.SetTag(PsBillTelemetry.Tags.Slot, slot.Key);
        span.SetTag(PsBillTelemetry.Tags.Instance, context.InstanceId);
        span.SetEndTime(DateTime.SpecifyKind(got > asked ? got : asked.AddTicks(1), DateTimeKind.Utc));
    }
}
