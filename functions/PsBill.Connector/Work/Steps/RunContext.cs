namespace PsBill.Connector.Work.Steps;

/// <summary>The run a step executes in: its id goes on every work item, ledger row and audit step it produces.</summary>
/// <param name="RunId">The run's id (see <c>RunStore</c>).</param>
/// <param name="Function">The function that runs the step.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="IsPastDue">True when the timer tick was late (the app was down at the scheduled time).</param>
/// <param name="ReadAfter">Checkpoint values (by name) a poll page starts after instead of the saved ones: the flow reads the
/// next page while BILL works on the previous one, whose checkpoint is saved only once that work is done.</param>
public sealed record RunContext(string RunId, string Function, DateTimeOffset StartedAt, bool IsPastDue = false, IReadOnlyDictionary<string, string>? ReadAfter = null);
