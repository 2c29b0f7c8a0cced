namespace PsBill.Connector.Settlement.Export;

/// <summary>The file formats of <c>psbill settlements export --format</c>.</summary>
public enum SettlementExportFormat
{
    /// <summary>One CSV row per staged settlement (RFC 4180, header row, invariant numbers): <c>csv</c>.</summary>
    Csv,

    /// <summary>The GL journal import flat file (<c>GL_JRNL_IMPORT</c>): header and line records, fixed width: <c>journal-import</c>.</summary>
    JournalImport,
}
