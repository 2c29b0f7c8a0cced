namespace PsBill.Functions.Functions;

/// <summary>Who is running: the function's name and the host's invocation id (for logs).</summary>
public sealed record FunctionContext(string FunctionName, string InvocationId);
