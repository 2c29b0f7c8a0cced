namespace PsBill.Connector.Sync;

/// <summary>The voucher date the cutover date is compared with.</summary>
public enum CutoverDateField
{
    /// <summary>ACCOUNTING_DT (INVOICE_DT when it is empty).</summary>
    AccountingDate,

    /// <summary>INVOICE_DT.</summary>
    InvoiceDate,
}
