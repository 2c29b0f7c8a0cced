namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// A row the reader could not turn into a record: a missing key, an amount or date that does not parse, or
/// distributions that do not sum to the gross amount. It names the record and the field so that the sync can
/// park the record with a plain reason; the read goes on with the other rows.
/// </summary>
/// <param name="RecordKey">The record's ledger key (e.g. <c>voucher:US001:00012345</c>), with <c>?</c> for key parts that are missing.</param>
/// <param name="Field">The PeopleSoft field at fault (e.g. <c>GROSS_AMT</c>).</param>
/// <param name="Reason">What is wrong, with the offending value.</param>
/// <param name="RowNumber">The first <c>attr:rownumber</c> of the record in its response.</param>
public sealed record PeopleSoftRowError(string RecordKey, string Field, string Reason, int RowNumber)
{
    /// <inheritdoc/>
    public override string ToString() => $"{RecordKey}: {Field} {Reason}";
}
