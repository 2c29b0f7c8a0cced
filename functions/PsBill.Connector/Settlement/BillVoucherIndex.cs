using Azure.Data.Tables;
using PsBill.Connector.Storage;

namespace PsBill.Connector.Settlement;

/// <summary>
/// Which voucher a BILL bill was created from: BILL bill id -> <c>voucher:{BU}:{VOUCHER_ID}</c>, in the
/// <c>{prefix}billvouchers</c> table. The sync should call <see cref="RecordAsync"/> when it records a bill id; when the
/// index has no entry, the ledger's voucher partition is asked (a server-side filter on <c>RemoteId</c>) and the answer
/// is written back, so the index is correct even when nobody filled it.
/// </summary>
public sealed class BillVoucherIndex(PsBillStorage storage)
{
    private const string Partition = "bill";
    private const string VoucherKind = "voucher";
    private readonly TableClient _index = storage.Table(SettlementTables.BillVouchers);
    private readonly TableClient _ledger = storage.Table(StorageNames.Tables.Ledger);

    /// <summary>Records that <paramref name="billId"/> was created from the voucher <paramref name="voucherKey"/> (idempotent).</summary>
    public async Task RecordAsync(string billId, string voucherKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(billId);
        ArgumentException.ThrowIfNullOrWhiteSpace(voucherKey);
        var entity = new TableEntity(Partition, TableKeys.Escape(billId)) { ["BillId"] = billId, ["VoucherKey"] = voucherKey };
        await _index.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The voucher key of a bill, or null when neither the index nor the ledger knows the bill.</summary>
    /// <exception cref="AmbiguousVoucherException">The ledger records the bill on two vouchers.</exception>
    public async Task<string?> FindVoucherKeyAsync(string billId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(billId);
        var entry = await _index.GetOrNullAsync(Partition, TableKeys.Escape(billId), cancellationToken).ConfigureAwait(false);
        if (entry?.GetString("VoucherKey") is { Length: > 0 } known) return known;

        string? found = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {VoucherKind} and RemoteId eq {billId}");
        await foreach (var row in _ledger.QueryAsync<TableEntity>(filter, select: ["Key", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var key = row.GetString("Key") ?? TableKeys.Unescape(row.RowKey);
            // Two vouchers on one bill would be a sync bug; refuse to guess rather than post to the wrong one.
            if (found is not null && !string.Equals(found, key, StringComparison.Ordinal))
                throw new AmbiguousVoucherException(billId, found, key);
            found = key;
        }

        if (found is not null) await RecordAsync(billId, found, cancellationToken).ConfigureAwait(false);
        return found;
    }
}
