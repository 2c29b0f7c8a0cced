using PsBill.Connector.Storage.Runs;
using PsBill.Workflows.Flows;

namespace PsBill.Workflows.Activities;

/// <summary><see cref="FunctionNames.Activities.CompleteRun"/>: the run's end, with its counts or its error.</summary>
public sealed class CompleteRunActivity(RunStore runs)
{
    /// <summary>The activity body.</summary>
    public async Task<bool> RunAsync(CompleteRunInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await runs.CompleteAsync(input.RunId, input.Counts, input.Error, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
