using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace PsBill.Connector.Storage;

/// <summary>
/// The storage account as PsBill sees it: service clients and the prefixed names. The stores
/// (<c>LedgerStore</c>, <c>AuditTrail</c>, ...) take their clients from here, so a new table is a logical
/// name here plus <see cref="StorageServiceCollectionExtensions.AddPsBillTable"/> to have it created at start.
/// </summary>
public sealed class PsBillStorage(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, StorageNames names)
{
    /// <summary>The names derived from the configured prefix.</summary>
    public StorageNames Names { get; } = names;

    /// <summary>The table service (for provisioning).</summary>
    public TableServiceClient TableService { get; } = tables;

    /// <summary>The queue service (for provisioning).</summary>
    public QueueServiceClient QueueService { get; } = queues;

    /// <summary>The blob service (for provisioning).</summary>
    public BlobServiceClient BlobService { get; } = blobs;

    /// <summary>A table by logical name (<c>ledger</c> -> <c>psbillledger</c>).</summary>
    public TableClient Table(string logicalName) => TableService.GetTableClient(Names.Table(logicalName));

    /// <summary>The lease container (<c>psbill-leases</c>).</summary>
    public BlobContainerClient LeaseContainer => BlobService.GetBlobContainerClient(Names.LeaseContainer);
}
