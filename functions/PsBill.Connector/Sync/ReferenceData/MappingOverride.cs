namespace PsBill.Connector.Sync.ReferenceData;

/// <summary>One line of the overrides file: this PeopleSoft value maps to this BILL id, whatever matching would say.</summary>
/// <param name="Kind">A <see cref="MappingKinds"/> value.</param>
/// <param name="SourceValue">The PeopleSoft value (<c>SETID:ACCOUNT</c>, <c>SETID:DEPTID</c>, <c>OPERATING_UNIT</c>).</param>
/// <param name="BillId">The BILL chart-of-accounts, department or location id.</param>
/// <param name="Line">The line number in the file (for messages).</param>
public sealed record MappingOverride(string Kind, string SourceValue, string BillId, int Line);
