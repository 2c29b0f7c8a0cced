namespace PsBill.Connector.Storage;

/// <summary>One page of a list and the token of the next page (null when this was the last), so a caller can walk a list of
/// any length without a cap. The token is the storage service's own and opaque.</summary>
/// <param name="Items">The page's items (a page may be shorter than asked, even empty, with more to come).</param>
/// <param name="ContinuationToken">Give it back to get the next page; null at the end.</param>
public sealed record Paged<T>(IReadOnlyList<T> Items, string? ContinuationToken)
{
    /// <summary>An empty last page.</summary>
    public static Paged<T> Empty { get; } = new([], null);
}
