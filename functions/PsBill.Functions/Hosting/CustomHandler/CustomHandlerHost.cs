using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Hosting.CustomHandler;

/// <summary>
/// The Azure Functions custom handler: an HTTP server on <c>127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT</c>. It answers
/// <c>GET /</c> at once (the host probes it), takes <c>POST /{FunctionName}</c> with <c>{Data, Metadata}</c> for timer and
/// queue functions and answers <c>{Outputs, Logs, ReturnValue}</c> (non-2xx fails the invocation, so the host retries a
/// queue message), and serves the forwarded HTTP functions on their <c>/api/...</c> routes with the raw body intact.
/// </summary>
public static class CustomHandlerHost
{
    /// <summary>The environment variable the Functions host sets to the port it will call.</summary>
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    private const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    // The host reads the response with the property names it documents: Outputs, Logs, ReturnValue.
    private static readonly JsonSerializerOptions ResponseJson = new() { PropertyNamingPolicy = null };

    /// <summary>Builds the handler on 127.0.0.1:<paramref name="port"/> (0 = a free port, for tests).</summary>
    public static WebApplication Build(IConfiguration configuration, int port, Action<IServiceCollection>? configureServices = null)
    {
        var builder = PsBillWebHost.CreateBuilder(configuration, configureServices);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>Maps the probe, the trigger endpoints and the forwarded HTTP functions.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        var invoker = app.Services.GetRequiredService<FunctionInvoker>();
        app.MapGet("/", () => Results.Text("PsBill custom handler"));

        foreach (var (function, _) in invoker.Catalog.WithTrigger<TimerTriggerAttribute>())
        {
            app.MapPost($"/{function.Name}", (HttpContext http, InvocationRequest request) => InvokeAsync(http,
                id => invoker.InvokeTimerAsync(function.Name, TriggerPayloads.ReadTimer(request), id, http.RequestAborted)));
        }

        foreach (var (function, _) in invoker.Catalog.WithTrigger<QueueTriggerAttribute>())
        {
            app.MapPost($"/{function.Name}", (HttpContext http, InvocationRequest request) => InvokeAsync(http,
                id => invoker.InvokeQueueAsync(function.Name, TriggerPayloads.ReadQueueMessage(request), id, http.RequestAborted)));
        }

        // Forwarded HTTP functions: the host checked the function key already.
        app.MapHttpFunctions();
    }

    private static async Task<IResult> InvokeAsync(HttpContext http, Func<string, Task> invoke)
    {
        var invocationId = http.Request.Headers[InvocationIdHeader].FirstOrDefault() ?? http.TraceIdentifier;
        try
        {
            await invoke(invocationId).ConfigureAwait(false);
            return Results.Json(InvocationResponse.WithLogs(), ResponseJson);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            // The message goes to the host's log with the invocation; the full exception is in the app's own log.
            return Results.Json(InvocationResponse.WithLogs($"{ex.GetType().Name}: {ex.Message}"), ResponseJson, statusCode: StatusCodes.Status500InternalServerError);
        }
    }
}
