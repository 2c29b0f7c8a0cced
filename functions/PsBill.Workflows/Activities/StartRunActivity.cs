using PsBill.Connector.Storage.Runs;

namespace PsBill.Workflows.Activities;

/// <summary><see cref="FunctionNames.Activities.StartRun"/>: the run's row (counts and item keys for the ops page); returns its id.</summary>
public sealed class StartRunActivity(RunStore runs)
{
    /// <summary>The activity body.</summary>
    public async Task<string> RunAsync(string flow, CancellationToken cancellationToken = default) =>
        (await runs.StartAsync(flow, cancellationToken).ConfigureAwait(false)).Id;
}
