using PsBill.Connector.Work;

namespace PsBill.Connector.Sync.Vouchers;

/// <summary>Runs <c>voucher</c> work items: one bulk bill create per item (plus the updates and archives it needs).</summary>
public sealed class VoucherWorkHandler(BillSync bills) : IWorkItemHandler
{
    /// <inheritdoc />
    public WorkItemKind Kind => WorkItemKind.Voucher;

    /// <inheritdoc />
    public async Task<WorkOutcome> HandleAsync(WorkItem item, WorkContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var result = await bills.SyncAsync(item.Keys, item.RunId, cancellationToken).ConfigureAwait(false);
        return result.ToOutcome();
    }
}
