using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Bill.Bulk;

/// <summary>
/// Sends records through BILL's all-or-nothing bulk calls and, when BILL rejects a batch for its data, splits it in
/// halves until every bad record stands alone: the good records are created, each bad one comes back with BILL's own
/// error for it. Input is chunked to BILL's bulk limits first. A failure that is not about the data (quota,
/// credentials, unknown outcome) is not split: every record of that batch gets the same outcome.
/// Cost: k bad records in a batch of n cost about 2·k·log2(n) extra calls.
/// </summary>
public sealed class BulkSplitter
{
    private readonly BillClient _client;
    private readonly ILogger _logger;

    public BulkSplitter(BillClient client, ILogger<BulkSplitter>? logger = null)
    {
        _client = client;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Creates bills in bulks of up to <see cref="BillClient.MaxBillsPerBulk"/>; one result per input bill, in input order.</summary>
    public Task<IReadOnlyList<BulkItemResult<VendorBill>>> CreateBillsAsync(IReadOnlyList<VendorBill> bills, CancellationToken cancellationToken = default) =>
        CreateAsync(bills, BillClient.MaxBillsPerBulk, "POST /v3/bills/bulk", _client.CreateBillsInBulkAsync, cancellationToken);

    /// <summary>Creates vendors in bulks of up to <see cref="BillClient.MaxVendorsPerBulk"/>; one result per input vendor, in input order.</summary>
    public Task<IReadOnlyList<BulkItemResult<Vendor>>> CreateVendorsAsync(IReadOnlyList<Vendor> vendors, CancellationToken cancellationToken = default) =>
        CreateAsync(vendors, BillClient.MaxVendorsPerBulk, "POST /v3/vendors/bulk", _client.CreateVendorsInBulkAsync, cancellationToken);

    /// <summary>The algorithm for any all-or-nothing bulk call whose answer lists the created records in request order.</summary>
    public async Task<IReadOnlyList<BulkItemResult<TRecord>>> CreateAsync<TRecord>(
        IReadOnlyList<TRecord> records,
        int maxPerCall,
        string operation,
        Func<IReadOnlyList<TRecord>, CancellationToken, Task<IReadOnlyList<TRecord>>> sendBulk,
        CancellationToken cancellationToken = default)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(sendBulk);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerCall, 1);
        var results = new BulkItemResult<TRecord>[records.Count];
        var indexed = records.Select((record, index) => (index, record)).ToList();
        foreach (var chunk in indexed.Chunk(maxPerCall))
            await SendAsync(chunk, operation, sendBulk, results, cancellationToken).ConfigureAwait(false);
        return results;
    }

    private async Task SendAsync<TRecord>(
        IReadOnlyList<(int Index, TRecord Record)> batch,
        string operation,
        Func<IReadOnlyList<TRecord>, CancellationToken, Task<IReadOnlyList<TRecord>>> sendBulk,
        BulkItemResult<TRecord>[] results,
        CancellationToken cancellationToken)
        where TRecord : class
    {
        try
        {
            var created = await sendBulk(batch.Select(b => b.Record).ToList(), cancellationToken).ConfigureAwait(false);
            if (created.Count != batch.Count)
            {
                // BILL said yes but the answer does not line up with the request: the records exist, their ids are unknown.
                var mismatch = new BillApiException($"BILL answered {operation} with {created.Count} records for {batch.Count} sent.",
                    BillErrorCode.Unrecognized, 201, BillFailureKind.OutcomeUnknown, operation);
                foreach (var (index, record) in batch) results[index] = new(index, record, BulkItemStatus.OutcomeUnknown, null, mismatch);
                return;
            }

            for (var i = 0; i < batch.Count; i++)
                results[batch[i].Index] = new(batch[i].Index, batch[i].Record, BulkItemStatus.Created, created[i], null);
        }
        catch (BillApiException ex) when (ex.IsRejection && batch.Count > 1)
        {
            BillLog.BulkSplit(_logger, operation, batch.Count, ex.Code.ToString());
            var half = batch.Count / 2;
            await SendAsync(batch.Take(half).ToList(), operation, sendBulk, results, cancellationToken).ConfigureAwait(false);
            await SendAsync(batch.Skip(half).ToList(), operation, sendBulk, results, cancellationToken).ConfigureAwait(false);
        }
        catch (BillApiException ex)
        {
            var status = ex.IsRejection ? BulkItemStatus.Rejected : ex.IsOutcomeUnknown ? BulkItemStatus.OutcomeUnknown : BulkItemStatus.NotSent;
            if (status == BulkItemStatus.Rejected) BillLog.BulkRecordRejected(_logger, operation, batch[0].Index, ex.Code.ToString(), ex.Message);
            foreach (var (index, record) in batch) results[index] = new(index, record, status, null, ex);
        }
    }
}
