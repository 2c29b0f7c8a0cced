namespace PsBill.Connector.Sync.Engine;

/// <summary>Before a record's first create: whether BILL holds it already (keyed in by hand before PsBill).</summary>
/// <typeparam name="TPayload">The BILL model (<c>Vendor</c>, <c>VendorBill</c>).</typeparam>
public interface IExistingRecordFinder<TPayload> where TPayload : class
{
    /// <summary>Whether BILL holds the record already: adopt it, park it for an operator, or none. Reads only (the preview calls it too).</summary>
    Task<ExistingMatch> FindExistingAsync(SyncPlan<TPayload> plan, CancellationToken cancellationToken = default);
}
