namespace PsBill.Connector.Reconciliation;

/// <summary>How <see cref="TieOutWriter"/> writes a report.</summary>
public enum TieOutFormat
{
    /// <summary>A plain-text table: the lines that differ, then the totals per business unit and in all.</summary>
    Table,

    /// <summary>Every line and total as CSV (invariant culture, two decimals), for a spreadsheet.</summary>
    Csv,

    /// <summary>The whole report as JSON.</summary>
    Json,
}
