using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Sync.Engine;

/// <summary>The sync's log lines; each carries the record key.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Key}: {Noun} {Step} ({Detail})")]
    public static partial void Step(ILogger logger, string key, string noun, string step, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key}: parked: {Reason}")]
    public static partial void Parked(ILogger logger, string key, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key}: retry in {Delay}: {Reason}")]
    public static partial void Retry(ILogger logger, string key, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key}: {Noun} call ended without a clear answer ({Reason}); it is looked up in BILL before any new create")]
    public static partial void OutcomeUnknown(ILogger logger, string key, string noun, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key}: {Noun} {RemoteId} found in BILL from an earlier attempt and adopted")]
    public static partial void Adopted(ILogger logger, string key, string noun, string remoteId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {RunId}: {Count} {Kind} records stored and enqueued, checkpoint {Checkpoint}")]
    public static partial void PollChunk(ILogger logger, string runId, int count, string kind, string checkpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} parked {Kind} records put back on the queue ({Causes})")]
    public static partial void Requeued(ILogger logger, int count, string kind, string causes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key}: unmapped: {Reason}")]
    public static partial void Unmapped(ILogger logger, string key, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data: {Mapped} mapped, {Created} created in BILL, {Unmapped} unmapped")]
    public static partial void ReferenceData(ILogger logger, int mapped, int created, int unmapped);
}
