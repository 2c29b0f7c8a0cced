namespace PsBill.Workflows.Flows;

/// <summary>The input of <see cref="FunctionNames.Activities.TieOut"/>: the run it follows and the blob of BILL's read.</summary>
public sealed record TieOutInput(string RunId, string BillRead);
