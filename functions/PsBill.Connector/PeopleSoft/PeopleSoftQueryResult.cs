namespace PsBill.Connector.PeopleSoft;

/// <summary>The rows of one <c>ExecuteQuery.v1</c> call.</summary>
/// <param name="QueryName">The <c>queryname=</c> of the response.</param>
/// <param name="NumRows">The response's <c>numrows</c>: equal to <c>maxrows</c> when more rows may follow.</param>
/// <param name="Rows">The rows, in the query's order.</param>
public sealed record PeopleSoftQueryResult(string QueryName, int NumRows, IReadOnlyList<PeopleSoftQueryRow> Rows);
