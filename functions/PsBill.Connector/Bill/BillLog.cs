using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Bill;

/// <summary>The BILL client's log lines. They carry operations, ids and counts; never a session id, key or password.</summary>
internal static partial class BillLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "BILL {Operation} answered {Status}")]
    public static partial void CallAnswered(ILogger logger, string operation, int status);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Logged in to BILL ({LoginsThisHour} logins in the last hour)")]
    // The organization id is one of the BILL credentials (a secret), so no log line carries it.
    public static partial void LoggedIn(ILogger logger, int loginsThisHour);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "BILL session was refused (expired); logging in again")]
    public static partial void SessionExpired(ILogger logger);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "BILL login budget spent: {Logins} logins in the last hour (limit {Limit})")]
    public static partial void LoginBudgetExhausted(ILogger logger, int logins, int limit);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "BILL gate lease {Slot} could not be renewed; the slot may be taken by another process")]
    public static partial void LeaseRenewalFailed(ILogger logger, string slot, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "BILL gate lease {Slot} could not be released; it frees itself when the lease expires")]
    public static partial void LeaseReleaseFailed(ILogger logger, string slot, Exception exception);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "BILL bulk {Operation} of {Count} rejected ({Code}); splitting it to isolate the bad records")]
    public static partial void BulkSplit(ILogger logger, string operation, int count, string code);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "BILL rejected record {Index} of bulk {Operation}: {Code} {Message}")]
    public static partial void BulkRecordRejected(ILogger logger, string operation, int index, string code, string message);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "BILL list {Operation} returned the same page token twice; stopping")]
    public static partial void RepeatedPageToken(ILogger logger, string operation);
}
