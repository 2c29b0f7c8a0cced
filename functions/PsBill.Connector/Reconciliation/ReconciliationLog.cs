using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Reconciliation;

internal static partial class ReconciliationLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Tie-out as of {AsOf}: {Vouchers} vouchers, {Tied} tied, {Explained} explained, {Unexplained} unexplained")]
    public static partial void Built(ILogger logger, string asOf, int vouchers, int tied, int explained, int unexplained);
}
