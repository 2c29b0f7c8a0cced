namespace PsBill.Workflows.Flows;

/// <summary>The input of <see cref="FunctionNames.Activities.RunFlowStep"/>.</summary>
/// <param name="Flow">The flow whose step runs.</param>
/// <param name="RunId">The run.</param>
/// <param name="Page">The page (for logs).</param>
public sealed record FlowStepInput(string Flow, string RunId, int Page);
