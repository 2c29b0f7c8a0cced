using System.Diagnostics;

namespace PsBill.Connector.Diagnostics.Telemetry;

/// <summary>
/// Starts the span of a work item's batch as a child of the span that read its records from PeopleSoft, whose context
/// the poll stored with each snapshot: one trace then runs from the PeopleSoft read to the BILL call, although the two
/// happen in different invocations (and, on Durable Functions, in different activities). Records read by other polls
/// become links.
/// </summary>
public static class BatchSpans
{
    /// <summary>Starts <see cref="PsBillTelemetry.Spans.Sync"/> for <paramref name="keys"/>; null when nobody listens.</summary>
    public static Activity? StartSync(string kind, IReadOnlyList<string> keys, IEnumerable<string?> readContexts, string? runId)
    {
        var contexts = readContexts
            .Select(text => text is not null && ActivityContext.TryParse(text, null, out var context) ? context : (ActivityContext?)null)
            .OfType<ActivityContext>()
            .DistinctBy(c => c.SpanId)
            .ToList();
        // The read is the parent; the invocation that runs the batch (a queue message, a Durable activity) becomes a link.
        var parent = contexts.Count > 0 ? contexts[0] : Activity.Current?.Context ?? default;
        var links = contexts.Skip(1).Select(c => new ActivityLink(c)).ToList();
        if (contexts.Count > 0 && Activity.Current is { } ambient) links.Add(new ActivityLink(ambient.Context));
        var span = PsBillTelemetry.Source.StartActivity(PsBillTelemetry.Spans.Sync, ActivityKind.Internal, parent, links: links);
        span?.SetTag(PsBillTelemetry.Tags.Kind, kind);
        span?.SetTag(PsBillTelemetry.Tags.RecordKeys, keys.ToArray());
        if (runId is not null) span?.SetTag(PsBillTelemetry.Tags.RunId, runId);
        return span;
    }

    /// <summary>Starts the span of one record's step inside a batch.</summary>
    public static Activity? StartRecord(string key, string step)
    {
        var span = PsBillTelemetry.Source.StartActivity(PsBillTelemetry.Spans.Record);
        span?.SetTag(PsBillTelemetry.Tags.RecordKey, key);
        span?.SetTag(PsBillTelemetry.Tags.Step, step);
        return span;
    }
}
