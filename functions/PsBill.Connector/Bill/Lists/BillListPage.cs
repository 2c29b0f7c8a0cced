namespace PsBill.Connector.Bill.Lists;

/// <summary>One page of a BILL list: <c>{results, nextPage, prevPage}</c>.</summary>
internal sealed record BillListPage<T>
{
    public IReadOnlyList<T>? Results { get; init; }
    public string? NextPage { get; init; }
    public string? PrevPage { get; init; }
}
