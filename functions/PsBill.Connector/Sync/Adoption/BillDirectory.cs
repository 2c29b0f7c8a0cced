using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PsBill.Connector.Bill;
using PsBill.Connector.Bill.Lists;
using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Sync.Adoption;

/// <summary>
/// What BILL held when a cycle started, listed once and reused for <see cref="AdoptionOptions.DirectoryCacheLifetime"/>: the
/// active vendors (for vendor matching) and, per vendor, its bills (BILL has no invoice-number filter, so a vendor's bills are
/// listed once and matched here). Objects PsBill creates during the cycle are not in it, and need not be: they carry
/// PsBill's marks, and the ledger already knows them. A failed listing is not kept.
/// </summary>
public sealed class BillDirectory(BillClient client, TimeProvider time, IOptions<AdoptionOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry<IReadOnlyList<DirectoryVendor>>> _vendors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry<IReadOnlyList<VendorBill>>> _bills = new(StringComparer.Ordinal);

    /// <summary>The vendors that are not archived.</summary>
    public Task<IReadOnlyList<DirectoryVendor>> VendorsAsync(CancellationToken cancellationToken = default) =>
        GetAsync(_vendors, "", async () =>
        {
            var all = new List<DirectoryVendor>();
            await foreach (var vendor in client.ListVendorsAsync(BillListQuery.Where(BillFilter.Eq("archived", false)), CancellationToken.None).ConfigureAwait(false))
                if (vendor.Archived != true) all.Add(DirectoryVendor.Of(vendor));
            return (IReadOnlyList<DirectoryVendor>)all;
        }, cancellationToken);

    /// <summary>The bills of a vendor, archived ones included.</summary>
    public Task<IReadOnlyList<VendorBill>> BillsOfVendorAsync(string vendorId, CancellationToken cancellationToken = default) =>
        GetAsync(_bills, vendorId, async () =>
        {
            var all = new List<VendorBill>();
            await foreach (var bill in client.ListBillsAsync(BillListQuery.Where(BillFilter.Eq("vendorId", vendorId)), CancellationToken.None).ConfigureAwait(false))
                all.Add(bill);
            return (IReadOnlyList<VendorBill>)all;
        }, cancellationToken);

    private async Task<T> GetAsync<T>(ConcurrentDictionary<string, Entry<T>> cache, string key, Func<Task<T>> load, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entry = cache.AddOrUpdate(key,
            _ => new Entry<T>(new Lazy<Task<T>>(load), now + options.Value.DirectoryCacheLifetime),
            (_, old) => old.Expires > now && !old.Value.Value.IsFaulted && !old.Value.Value.IsCanceled
                ? old
                : new Entry<T>(new Lazy<Task<T>>(load), now + options.Value.DirectoryCacheLifetime));
        return await entry.Value.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record Entry<T>(Lazy<Task<T>> Value, DateTimeOffset Expires);
}
