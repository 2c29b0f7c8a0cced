using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.DurableTask.Converters;
using Newtonsoft.Json.Linq;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>
/// Runs an activity body for the WebJobs Durable extension in its isolated protocol. The orchestrations (through the gRPC
/// runners) write activity inputs with the Durable SDK's JSON converter and read results with it, while the extension hands
/// the raw input over as a string and writes the result with Newtonsoft. So the input is read with the SDK's converter, and
/// the result is handed back as a JSON token the extension writes out verbatim: the same bytes the worker app writes in Azure.
/// </summary>
internal static class ActivityShim
{
    public static async Task<JToken> RunAsync<TInput, TOutput>(IDurableActivityContext context, Func<TInput, Task<TOutput>> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = context.GetInput<string>();
        var input = JsonDataConverter.Default.Deserialize<TInput>(json)
            ?? throw new InvalidOperationException($"Activity {context.Name} got no input.");
        var output = await body(input).ConfigureAwait(false);
        return JToken.Parse(JsonDataConverter.Default.Serialize(output) ?? "null");
    }
}
