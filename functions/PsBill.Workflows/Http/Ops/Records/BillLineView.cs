namespace PsBill.Workflows.Http.Ops.Records;

/// <summary>One line of a bill: amount and classifications, named as PeopleSoft names them where the mapping table knows the BILL id.</summary>
/// <param name="Amount">The line's amount.</param>
/// <param name="Description">The line's description.</param>
/// <param name="Account">The GL account (<c>SETID:ACCOUNT</c>) or, unmapped, BILL's chart-of-accounts id.</param>
/// <param name="Department">The department (<c>SETID:DEPTID</c>) or BILL's department id.</param>
public sealed record BillLineView(decimal? Amount, string? Description, string? Account, string? Department);
