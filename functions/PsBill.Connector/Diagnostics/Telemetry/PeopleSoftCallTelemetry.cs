using System.Diagnostics;
using PsBill.Connector.PeopleSoft;

namespace PsBill.Connector.Diagnostics.Telemetry;

/// <summary>One span and one count per PeopleSoft call (after its retries): the outcome is <c>ok</c> or the failure kind.</summary>
internal static class PeopleSoftCallTelemetry
{
    public static async Task<T> TrackAsync<T>(string spanName, string operation, string? recordKey, Func<Task<T>> call)
    {
        using var span = PsBillTelemetry.Source.StartActivity(spanName, ActivityKind.Client);
        span?.SetTag(PsBillTelemetry.Tags.Operation, operation);
        if (recordKey is not null) span?.SetTag(PsBillTelemetry.Tags.RecordKey, recordKey);
        try
        {
            var result = await call().ConfigureAwait(false);
            Count(span, operation, PsBillTelemetry.Outcomes.Ok);
            return result;
        }
        catch (PeopleSoftException ex)
        {
            Count(span, operation, ex.Kind.ToString());
            span?.SetStatus(ActivityStatusCode.Error, ex.Kind.ToString());
            throw;
        }
    }

    private static void Count(Activity? span, string operation, string outcome)
    {
        span?.SetTag(PsBillTelemetry.Tags.Outcome, outcome);
        PsBillTelemetry.PeopleSoftCalls.Add(1, new(PsBillTelemetry.Tags.Operation, operation), new(PsBillTelemetry.Tags.Outcome, outcome));
    }
}
