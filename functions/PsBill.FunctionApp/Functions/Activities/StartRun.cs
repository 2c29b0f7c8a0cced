using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;
using PsBill.Workflows.Activities;

namespace PsBill.FunctionApp.Functions.Activities;

/// <summary>Activity <c>StartRun</c> (<see cref="StartRunActivity"/>).</summary>
public sealed class StartRun(StartRunActivity activity)
{
    /// <summary>The activity function.</summary>
    [Function(FunctionNames.Activities.StartRun)]
    public Task<string> Run([ActivityTrigger] string input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}
