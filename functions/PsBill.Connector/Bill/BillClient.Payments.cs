using PsBill.Connector.Bill.Http;
using PsBill.Connector.Bill.Lists;
using PsBill.Connector.Bill.Models;

namespace PsBill.Connector.Bill;

public sealed partial class BillClient
{
    /// <summary>Streams payments (<c>GET /v3/payments</c>) matching <paramref name="query"/>, page after page.</summary>
    public IAsyncEnumerable<Payment> ListPaymentsAsync(BillListQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync<Payment>(BillHost.Api, "/v3/payments", query, cancellationToken);

    /// <summary>Payments updated after <paramref name="since"/> (exclusive) and, when given, up to <paramref name="until"/>
    /// (inclusive), oldest change first: the polling safety net behind the webhooks.</summary>
    public IAsyncEnumerable<Payment> ListPaymentsUpdatedAsync(DateTimeOffset since, DateTimeOffset? until = null, CancellationToken cancellationToken = default)
    {
        List<BillFilter> filters = [BillFilter.After("updatedTime", since)];
        if (until is { } end) filters.Add(BillFilter.Before("updatedTime", end, inclusive: true));
        return ListPaymentsAsync(new BillListQuery { Filters = filters, SortField = "updatedTime" }, cancellationToken);
    }

    /// <summary>Reads one payment (<c>GET /v3/payments/{id}</c>).</summary>
    public Task<Payment> GetPaymentAsync(string paymentId, CancellationToken cancellationToken = default) =>
        SendAsync<Payment>(BillCall.Get(BillHost.Api, $"/v3/payments/{BillCall.Segment(paymentId)}"), cancellationToken);
}
