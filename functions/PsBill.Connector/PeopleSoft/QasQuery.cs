namespace PsBill.Connector.PeopleSoft;

/// <summary>One configured query as the pager reads it.</summary>
/// <param name="Setting">Its settings section under <c>PsBill:PeopleSoft:Queries</c> (e.g. <c>ApprovedVouchers</c>), for messages.</param>
/// <param name="Options">Name, prompts, changed column, maxrows.</param>
/// <param name="KeyColumns">The record key columns, in the query's order.</param>
/// <param name="RequiredColumns">The columns the mapping needs (<see cref="PeopleSoftQueryColumns"/>); the changed column is added for incremental reads.</param>
/// <param name="Incremental">True when the query is ordered and prompted by its changed timestamp.</param>
internal sealed record QasQuery(
    string Setting, PeopleSoftQueryOptions Options, IReadOnlyList<string> KeyColumns, IReadOnlyList<string> RequiredColumns, bool Incremental)
{
    /// <summary>Every column a row must have.</summary>
    public IEnumerable<string> AllRequiredColumns => Incremental ? RequiredColumns.Append(Options.ChangedColumn) : RequiredColumns;
}
