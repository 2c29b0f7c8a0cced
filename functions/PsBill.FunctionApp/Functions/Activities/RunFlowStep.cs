using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;
using PsBill.Workflows.Activities;
using PsBill.Workflows.Flows;

namespace PsBill.FunctionApp.Functions.Activities;

/// <summary>Activity <c>RunFlowStep</c> (<see cref="RunFlowStepActivity"/>).</summary>
public sealed class RunFlowStep(RunFlowStepActivity activity)
{
    /// <summary>The activity function.</summary>
    [Function(FunctionNames.Activities.RunFlowStep)]
    public Task<FlowStepResult> Run([ActivityTrigger] FlowStepInput input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}
