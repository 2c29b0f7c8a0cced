using PsBill.Connector.Work;

namespace PsBill.Connector.Sync.Suppliers;

/// <summary>Runs <c>supplier</c> work items: one bulk vendor upsert per item.</summary>
public sealed class SupplierWorkHandler(VendorSync vendors) : IWorkItemHandler
{
    /// <inheritdoc />
    public WorkItemKind Kind => WorkItemKind.Supplier;

    /// <inheritdoc />
    public async Task<WorkOutcome> HandleAsync(WorkItem item, WorkContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var result = await vendors.SyncAsync(item.Keys, item.RunId, cancellationToken).ConfigureAwait(false);
        return result.ToOutcome();
    }
}
