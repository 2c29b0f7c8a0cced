using Microsoft.Extensions.Logging;

namespace PsBill.Connector.PeopleSoft;

/// <summary>The PeopleSoft client's log lines. They carry query, CI and record keys, never the OPRID or password.</summary>
internal static partial class PeopleSoftLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "PeopleSoft query {QueryName} returned {RowCount} rows (maxrows {MaxRows})")]
    public static partial void QueryExecuted(ILogger logger, string queryName, int rowCount, int maxRows);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "PeopleSoft row error in {QueryName} for {RecordKey}: {Field} {Reason}")]
    public static partial void RowRejected(ILogger logger, string queryName, string recordKey, string field, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "PeopleSoft call {Operation} failed ({Outcome}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "PeopleSoft CI {Service} {Operation} done for {RecordKey}")]
    public static partial void ComponentInterfaceCalled(ILogger logger, string service, string operation, string recordKey);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "PeopleSoft call {Operation} failed: {Kind} {Code} {Reason}")]
    public static partial void CallFailed(ILogger logger, string operation, PeopleSoftErrorKind kind, string code, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "PeopleSoft {QueryName} page full ({RowCount} rows): reading on after {Checkpoint}")]
    public static partial void ReadingOn(ILogger logger, string queryName, int rowCount, string checkpoint);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "PeopleSoft {QueryName}: record {RecordKey} has more rows than maxrows {MaxRows}; parked, reading on after it")]
    public static partial void RecordTooLarge(ILogger logger, string queryName, string recordKey, int maxRows);
}
