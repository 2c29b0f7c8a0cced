using Microsoft.Extensions.Logging;

namespace PsBill.Connector.Alerts;

internal static partial class AlertLog
{
    [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "Alert {Cause}: {Text}")]
    public static partial void Raised(ILogger logger, string cause, string text);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Error, Message = "Alert channel {Channel} could not send {Cause}: {Error}")]
    public static partial void ChannelFailed(ILogger logger, string channel, string cause, string error);
}
