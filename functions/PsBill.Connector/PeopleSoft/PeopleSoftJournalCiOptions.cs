using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// The journal entry Component Interface, called with <c>Create</c> (<c>CI_&lt;NAME&gt;_C</c>): a header
/// (<c>PS_JRNL_HEADER</c>) flat on the body root and a line collection (<c>PS_JRNL_LN</c>). The operation, roots,
/// namespace and every property name are configuration (<see cref="PeopleSoftComponentInterfaceOptions"/>).
/// </summary>
public sealed class PeopleSoftJournalCiOptions : PeopleSoftComponentInterfaceOptions
{
    /// <summary>Defaults: CI <c>PSB_JOURNAL</c>, Create.</summary>
    public PeopleSoftJournalCiOptions()
    {
        Name = "PSB_JOURNAL";
        Operation = PeopleSoftCiOperation.Create;
    }

    /// <summary>The value that asks PeopleSoft to number the journal. Default <c>NEXT</c>.</summary>
    [Required] public string NewJournalId { get; set; } = "NEXT";

    /// <summary>Ledger group of the header. Default <c>ACTUALS</c>.</summary>
    [Required] public string LedgerGroup { get; set; } = "ACTUALS";

    /// <summary>Ledger of each line. Default <c>ACTUALS</c>.</summary>
    [Required] public string Ledger { get; set; } = "ACTUALS";

    /// <summary>Journal source. Default <c>EXT</c>.</summary>
    [Required] public string Source { get; set; } = "EXT";

    /// <summary>The AP liability account a payment journal debits; required when journals are used.</summary>
    public string? ApLiabilityAccount { get; set; }

    /// <summary>The cash account a payment journal credits; required when journals are used.</summary>
    public string? CashAccount { get; set; }

    /// <summary>The line collection element. Default <c>JRNL_LN</c>.</summary>
    [Required] public string LineCollection { get; set; } = "JRNL_LN";

    /// <summary>Header property names.</summary>
    [Required] public string BusinessUnitField { get; set; } = "BUSINESS_UNIT";
    /// <summary>Default <c>JOURNAL_ID</c>.</summary>
    [Required] public string JournalIdField { get; set; } = "JOURNAL_ID";
    /// <summary>Default <c>JOURNAL_DATE</c>.</summary>
    [Required] public string JournalDateField { get; set; } = "JOURNAL_DATE";
    /// <summary>Default <c>LEDGER_GROUP</c>.</summary>
    [Required] public string LedgerGroupField { get; set; } = "LEDGER_GROUP";
    /// <summary>Default <c>SOURCE</c>.</summary>
    [Required] public string SourceField { get; set; } = "SOURCE";
    /// <summary>Header description. Default <c>DESCR254</c>.</summary>
    [Required] public string DescriptionField { get; set; } = "DESCR254";

    /// <summary>Line property names. Default <c>JOURNAL_LINE</c>.</summary>
    [Required] public string LineNumberField { get; set; } = "JOURNAL_LINE";
    /// <summary>Default <c>LEDGER</c>.</summary>
    [Required] public string LedgerField { get; set; } = "LEDGER";
    /// <summary>Default <c>ACCOUNT</c>.</summary>
    [Required] public string AccountField { get; set; } = "ACCOUNT";
    /// <summary>Default <c>DEPTID</c>.</summary>
    [Required] public string DeptIdField { get; set; } = "DEPTID";
    /// <summary>Signed amount, debit positive. Default <c>MONETARY_AMOUNT</c>.</summary>
    [Required] public string AmountField { get; set; } = "MONETARY_AMOUNT";
    /// <summary>Line reference (the voucher). Default <c>JOURNAL_LN_REF</c>.</summary>
    [Required] public string LineReferenceField { get; set; } = "JOURNAL_LN_REF";
    /// <summary>Default <c>LINE_DESCR</c>.</summary>
    [Required] public string LineDescriptionField { get; set; } = "LINE_DESCR";
}
