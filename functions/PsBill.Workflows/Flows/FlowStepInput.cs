namespace PsBill.Workflows.Flows;

/// <summary>The input of <see cref="FunctionNames.Activities.RunFlowStep"/>.</summary>
/// <param name="Flow">The flow whose step runs.</param>
/// <param name="RunId">The run.</param>
/// <param name="Page">The page (for logs).</param>
/// <param name="After">Read ahead: the checkpoints the page starts after (the previous page's, not saved yet); null = the saved ones.</param>
/// <param name="Finish">Run what follows the last page (<c>FinishAsync</c> of the poll) instead of reading a page.</param>
public sealed record FlowStepInput(string Flow, string RunId, int Page, IReadOnlyList<CheckpointValue>? After = null, bool Finish = false);
