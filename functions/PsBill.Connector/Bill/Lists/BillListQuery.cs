namespace PsBill.Connector.Bill.Lists;

/// <summary>Filters, sort and page size of a list call. The page token is the client's business, not the caller's.</summary>
public sealed record BillListQuery
{
    /// <summary>Results per page, 1 to 100 (BILL's default is 20). The client asks for 100 unless told otherwise.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Filters, all of which must match.</summary>
    public IReadOnlyList<BillFilter> Filters { get; init; } = [];

    /// <summary>Sort field, e.g. <c>createdTime</c>; null for BILL's default order.</summary>
    public string? SortField { get; init; }

    public bool SortDescending { get; init; }

    /// <summary>A query with the given filters.</summary>
    public static BillListQuery Where(params BillFilter[] filters) => new() { Filters = filters };

    internal IEnumerable<KeyValuePair<string, string>> ToQueryParameters()
    {
        if (PageSize is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "BILL pages hold 1 to 100 results.");
        yield return new("max", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Filters.Count > 0) yield return new("filters", string.Join(',', Filters));
        if (SortField is not null) yield return new("sort", $"{SortField}:{(SortDescending ? "desc" : "asc")}");
    }
}
