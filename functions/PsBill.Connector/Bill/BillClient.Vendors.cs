using System.Runtime.CompilerServices;
using PsBill.Connector.Bill.Http;
using PsBill.Connector.Bill.Lists;
using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Bill;

public sealed partial class BillClient
{
    /// <summary>BILL's limit for <c>POST /v3/vendors/bulk</c>.</summary>
    public const int MaxVendorsPerBulk = 20;

    /// <summary>Streams vendors (<c>GET /v3/vendors</c>) matching <paramref name="query"/>, page after page.</summary>
    public IAsyncEnumerable<Vendor> ListVendorsAsync(BillListQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync<Vendor>(BillHost.Api, "/v3/vendors", query, cancellationToken);

    /// <summary>
    /// Vendors whose name equals <paramref name="name"/> (or starts with it), ignoring case and surrounding spaces,
    /// archived ones included: the lookup before creating a vendor again after an unknown outcome. BILL is asked with
    /// <c>name:eq</c> / <c>name:sw</c> and the answer is checked here too, so the result does not depend on how BILL
    /// compares case or treats a quote inside a name (the filter is cut before the first quote and the rest matched here).
    /// </summary>
    public async IAsyncEnumerable<Vendor> FindVendorsByNameAsync(string name, bool startsWith = false,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var wanted = name.Trim();
        var quote = wanted.IndexOf('"', StringComparison.Ordinal);
        var filter = quote switch
        {
            0 => null,
            > 0 => BillFilter.StartsWith("name", wanted[..quote]),
            _ => startsWith ? BillFilter.StartsWith("name", wanted) : BillFilter.Eq("name", wanted),
        };
        var query = filter is null ? null : BillListQuery.Where(filter);
        await foreach (var vendor in ListVendorsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            var actual = vendor.Name?.Trim() ?? "";
            var matches = startsWith
                ? actual.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)
                : actual.Equals(wanted, StringComparison.OrdinalIgnoreCase);
            if (matches) yield return vendor;
        }
    }

    /// <summary>Reads one vendor (<c>GET /v3/vendors/{id}</c>).</summary>
    public Task<Vendor> GetVendorAsync(string vendorId, CancellationToken cancellationToken = default) =>
        SendAsync<Vendor>(BillCall.Get(BillHost.Api, $"/v3/vendors/{BillCall.Segment(vendorId)}"), cancellationToken);

    /// <summary>Creates a vendor (<c>POST /v3/vendors</c>). Not retried after a lost answer: see <see cref="BillApiException.IsOutcomeUnknown"/>.</summary>
    public Task<Vendor> CreateVendorAsync(Vendor vendor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor.Name, nameof(vendor));
        return SendAsync<Vendor>(BillCall.Create("/v3/vendors", vendor), cancellationToken);
    }

    /// <summary>Updates the fields set in <paramref name="changes"/> (<c>PATCH /v3/vendors/{id}</c>).</summary>
    public Task<Vendor> UpdateVendorAsync(string vendorId, Vendor changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return SendAsync<Vendor>(BillCall.Write(HttpMethod.Patch, BillHost.Api, $"/v3/vendors/{BillCall.Segment(vendorId)}", changes with { Id = null }), cancellationToken);
    }

    /// <summary>Archives a vendor (<c>POST /v3/vendors/{id}/archive</c>); archiving an archived vendor changes nothing.</summary>
    public Task<Vendor> ArchiveVendorAsync(string vendorId, CancellationToken cancellationToken = default) =>
        SendAsync<Vendor>(BillCall.Write(HttpMethod.Post, BillHost.Api, $"/v3/vendors/{BillCall.Segment(vendorId)}/archive"), cancellationToken);

    /// <summary>Restores an archived vendor (<c>POST /v3/vendors/{id}/restore</c>).</summary>
    public Task<Vendor> RestoreVendorAsync(string vendorId, CancellationToken cancellationToken = default) =>
        SendAsync<Vendor>(BillCall.Write(HttpMethod.Post, BillHost.Api, $"/v3/vendors/{BillCall.Segment(vendorId)}/restore"), cancellationToken);

    /// <summary>Creates up to <see cref="MaxVendorsPerBulk"/> vendors at once (<c>POST /v3/vendors/bulk</c>), all or nothing.
    /// The answer lists the created vendors in request order. Use <see cref="Bulk.BulkSplitter"/> to isolate rejected records.</summary>
    public async Task<IReadOnlyList<Vendor>> CreateVendorsInBulkAsync(IReadOnlyList<Vendor> vendors, CancellationToken cancellationToken = default)
    {
        CheckBulk(vendors, MaxVendorsPerBulk);
        var answer = await SendAsync<VendorBulkAnswer>(BillCall.Create("/v3/vendors/bulk", vendors), cancellationToken).ConfigureAwait(false);
        return answer.Vendors ?? [];
    }

    private static void CheckBulk<T>(IReadOnlyList<T> records, int max)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count is 0 || records.Count > max)
            throw new ArgumentOutOfRangeException(nameof(records), records.Count, $"A BILL bulk call takes 1 to {max} records.");
    }

    private sealed record VendorBulkAnswer(IReadOnlyList<Vendor>? Vendors);
}
