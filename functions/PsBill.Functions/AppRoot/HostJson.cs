using System.Globalization;
using System.Text.Json.Nodes;
using PsBill.Connector.Work;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.AppRoot;

/// <summary>
/// The app's <c>host.json</c>: the custom handler (this executable, HTTP forwarding on), the extension bundle for the
/// timer/queue/HTTP triggers, and the queue trigger's delivery settings taken from <see cref="WorkOptions"/>'s defaults,
/// so that both hosts retry and poison alike.
/// </summary>
public static class HostJson
{
    /// <summary>The executable the Functions host starts (no arguments: it sees FUNCTIONS_CUSTOMHANDLER_PORT and serves).</summary>
    public const string Executable = "PsBill.Functions";

    /// <summary>Builds host.json.</summary>
    public static JsonObject Create()
    {
        var work = new WorkOptions();
        return new JsonObject
        {
            ["version"] = "2.0",
            ["extensionBundle"] = new JsonObject
            {
                ["id"] = "Microsoft.Azure.Functions.ExtensionBundle",
                ["version"] = "[4.*, 5.0.0)",
            },
            ["customHandler"] = new JsonObject
            {
                ["description"] = new JsonObject
                {
                    ["defaultExecutablePath"] = Executable,
                    ["workingDirectory"] = "",
                    ["arguments"] = new JsonArray(),
                },
                ["enableForwardingHttpRequest"] = true,
            },
            ["extensions"] = new JsonObject
            {
                ["http"] = new JsonObject { ["routePrefix"] = HttpTriggerAttribute.RoutePrefix },
                ["queues"] = new JsonObject
                {
                    ["messageEncoding"] = "base64",
                    ["maxDequeueCount"] = work.MaxDequeueCount,
                    ["visibilityTimeout"] = work.RetryDelay.ToString("c", CultureInfo.InvariantCulture),
                    ["batchSize"] = work.BatchSize,
                    ["maxPollingInterval"] = work.MaxPollingInterval.ToString("c", CultureInfo.InvariantCulture),
                },
            },
            ["functionTimeout"] = "00:30:00",
            ["logging"] = new JsonObject
            {
                ["logLevel"] = new JsonObject { ["default"] = "Information" },
            },
        };
    }
}
