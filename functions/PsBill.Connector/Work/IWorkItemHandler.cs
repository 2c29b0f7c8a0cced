namespace PsBill.Connector.Work;

/// <summary>
/// Runs the work items of one kind (vendor upsert, bill create, settlement post). Register with
/// <see cref="WorkServiceCollectionExtensions.AddWorkItemHandler{THandler}"/>; <see cref="WorkDispatcher"/> picks it by <see cref="Kind"/>.
/// </summary>
/// <remarks>
/// Return an explicit outcome for the item. Throw only for the unexpected (storage down, a bug): the host then
/// retries the message up to the max dequeue count and moves it to the poison queue after that. Handlers must be
/// safe to run twice for the same key (the ledger makes them so): a message can be delivered more than once.
/// </remarks>
public interface IWorkItemHandler
{
    /// <summary>The kind of item this handler runs.</summary>
    WorkItemKind Kind { get; }

    /// <summary>Processes every key of <paramref name="item"/> and says how it ended.</summary>
    Task<WorkOutcome> HandleAsync(WorkItem item, WorkContext context, CancellationToken cancellationToken = default);
}
