namespace PsBill.Functions.Hosting.CustomHandler;

/// <summary>
/// What the handler answers: <c>{"Outputs": {binding: value}, "Logs": [...], "ReturnValue": ...}</c>. An output binding
/// given an array sends one queue message per element. PsBill's functions declare no output bindings (they enqueue
/// through <c>WorkQueue</c> before moving a checkpoint), so Outputs is empty, but the shape is the host's.
/// </summary>
public sealed record InvocationResponse(Dictionary<string, object?[]> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    /// <summary>An answer with logs and no outputs.</summary>
    public static InvocationResponse WithLogs(params string[] logs) => new([], logs, null);
}
