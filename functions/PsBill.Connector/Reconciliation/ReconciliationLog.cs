using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Reconciliation;

internal static partial class ReconciliationLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Tie-out as of {AsOf}: {Vouchers} vouchers, {Tied} tied, {Explained} explained, {Unexplained} unexplained")]
    public static partial void Built(ILogger logger, string asOf, int vouchers, int tied, int explained, int unexplained);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Tie-out after run {RunId} not due: {LastId} was made at {LastAt:u}")]
    public static partial void NotDue(ILogger logger, string runId, string lastId, DateTimeOffset lastAt);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Tie-out after run {RunId} stored as {Id}: {Unexplained} unexplained; {Pruned} old reports deleted")]
    public static partial void Stored(ILogger logger, string runId, string id, int unexplained, int pruned);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Error, Message = "Tie-out after run {RunId} could not be made: {Error}")]
    public static partial void Failed(ILogger logger, string runId, string error);
}
