using System.Collections.Concurrent;
using PsBill.Connector.Work;

namespace PsBill.Tests.Hosting;

/// <summary>A work item handler for tests: records every call and answers what the test says.</summary>
internal sealed class RecordingWorkHandler(WorkItemKind kind, Func<WorkItem, WorkContext, CancellationToken, Task<WorkOutcome>>? behaviour = null) : IWorkItemHandler
{
    public WorkItemKind Kind { get; } = kind;

    public ConcurrentQueue<(WorkItem Item, WorkContext Context)> Calls { get; } = new();

    public async Task<WorkOutcome> HandleAsync(WorkItem item, WorkContext context, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((item, context));
        return behaviour is null ? WorkOutcome.Done() : await behaviour(item, context, cancellationToken);
    }
}
