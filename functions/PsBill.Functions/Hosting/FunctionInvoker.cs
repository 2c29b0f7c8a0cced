using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PsBill.Functions.Functions;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Hosting;

/// <summary>
/// Runs a function class for either host: a new DI scope per invocation, the class resolved from it, the trigger's
/// payload handed over. The hosts only translate their protocol to these calls; no business logic lives there.
/// </summary>
public sealed partial class FunctionInvoker(IServiceScopeFactory scopes, FunctionCatalog catalog, ILogger<FunctionInvoker> logger)
{
    /// <summary>The functions this invoker runs.</summary>
    public FunctionCatalog Catalog { get; } = catalog;

    /// <summary>Runs a timer function.</summary>
    /// <exception cref="KeyNotFoundException">No timer function of that name.</exception>
    public Task InvokeTimerAsync(string functionName, TimerInfo timer, string invocationId, CancellationToken cancellationToken) =>
        InvokeAsync<ITimerFunction>(functionName, invocationId, (f, c) => f.RunAsync(timer, c, cancellationToken));

    /// <summary>Runs a queue function; returning settles the message, throwing fails the delivery.</summary>
    /// <exception cref="KeyNotFoundException">No queue function of that name.</exception>
    public Task InvokeQueueAsync(string functionName, QueueTriggerMessage message, string invocationId, CancellationToken cancellationToken) =>
        InvokeAsync<IQueueFunction>(functionName, invocationId, (f, c) => f.RunAsync(message, c, cancellationToken));

    /// <summary>Runs an HTTP function on the request's own scope (ASP.NET Core made one per request).</summary>
    public async Task<IResult> InvokeHttpAsync(FunctionDeclaration function, HttpContext http)
    {
        var invocationId = http.Request.Headers["X-Azure-Functions-InvocationId"].FirstOrDefault() ?? http.TraceIdentifier;
        var instance = (IHttpFunction)http.RequestServices.GetRequiredService(function.Type);
        LogStarting(logger, function.Name, invocationId);
        try
        {
            return await instance.HandleAsync(http.Request, new FunctionContext(function.Name, invocationId), http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, function.Name, invocationId);
            throw;
        }
    }

    private async Task InvokeAsync<TFunction>(string functionName, string invocationId, Func<TFunction, FunctionContext, Task> run)
    {
        var function = Catalog.Find(functionName);
        if (function is null || !typeof(TFunction).IsAssignableFrom(function.Type))
            throw new KeyNotFoundException($"There is no {typeof(TFunction).Name} named {functionName}.");

        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var instance = (TFunction)scope.ServiceProvider.GetRequiredService(function.Type);
            LogStarting(logger, function.Name, invocationId);
            try
            {
                await run(instance, new FunctionContext(function.Name, invocationId)).ConfigureAwait(false);
                LogSucceeded(logger, function.Name, invocationId);
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex, function.Name, invocationId);
                throw;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Function} invocation {InvocationId} starting")]
    private static partial void LogStarting(ILogger logger, string function, string invocationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Function} invocation {InvocationId} succeeded")]
    private static partial void LogSucceeded(ILogger logger, string function, string invocationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} invocation {InvocationId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function, string invocationId);
}
