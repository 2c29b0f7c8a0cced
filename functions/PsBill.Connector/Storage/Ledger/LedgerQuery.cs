using Azure.Data.Tables;

namespace PsBill.Connector.Storage.Ledger;

/// <summary>Which ledger rows to read: every condition given must hold. Kind and key prefix are key ranges (cheap);
/// state and time filter the rows of those ranges on the server.</summary>
/// <param name="Kind">The partition, e.g. <c>voucher</c>.</param>
/// <param name="KeyPrefix">Keys starting with this, e.g. <c>payment:stp01:</c> (needs <paramref name="Kind"/>).</param>
/// <param name="State">Only rows in this state.</param>
/// <param name="UpdatedSince">Only rows written at or after this.</param>
/// <param name="RemoteId">Only rows holding this far-side id (a BILL bill or vendor id).</param>
public sealed record LedgerQuery(string? Kind = null, string? KeyPrefix = null, LedgerState? State = null, DateTimeOffset? UpdatedSince = null, string? RemoteId = null)
{
    /// <summary>The OData filter, or null for every row.</summary>
    public string? ToFilter()
    {
        var parts = new List<string>();
        if (Kind is not null) parts.Add(TableClient.CreateQueryFilter($"PartitionKey eq {Kind}"));
        if (KeyPrefix is { Length: > 0 } prefix)
        {
            // Rows are keyed by the escaped key: the range [prefix, prefix with its last character + 1) holds exactly the keys starting with it.
            var low = TableKeys.Escape(prefix);
            var high = low[..^1] + (char)(low[^1] + 1);
            parts.Add(TableClient.CreateQueryFilter($"RowKey ge {low} and RowKey lt {high}"));
        }
        if (State is { } state) parts.Add(TableClient.CreateQueryFilter($"State eq {state.Value}"));
        if (RemoteId is not null) parts.Add(TableClient.CreateQueryFilter($"RemoteId eq {RemoteId}"));
        if (UpdatedSince is { } since) parts.Add(TableClient.CreateQueryFilter($"UpdatedAt ge {since}"));
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }
}
