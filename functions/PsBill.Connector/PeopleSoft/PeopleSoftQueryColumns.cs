namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// The columns each query must return for the connector to map its rows without dropping data (docs/PEOPLESOFT-SETUP.md
/// lists them for the customer's PeopleSoft admin). A query lacking one fails at its first read, naming the query and the
/// column, instead of, say, creating vendors without addresses. Incremental queries need their changed column too
/// (<see cref="PeopleSoftQueryOptions.ChangedColumn"/>). Aliased names (<c>A.VOUCHER_ID</c>) count.
/// </summary>
public static class PeopleSoftQueryColumns
{
    /// <summary>Suppliers with their address rows.</summary>
    public static IReadOnlyList<string> Suppliers { get; } =
    [
        "SETID", "VENDOR_ID", "NAME1", "VENDOR_STATUS",
        "ADDRESS_SEQ_NUM", "EFFDT", "EFF_STATUS", "ADDRESS1", "ADDRESS2", "CITY", "STATE", "POSTAL", "COUNTRY", "EMAILID",
    ];

    /// <summary>Approved vouchers, one row per distribution line.</summary>
    public static IReadOnlyList<string> ApprovedVouchers { get; } =
    [
        "BUSINESS_UNIT", "VOUCHER_ID", "INVOICE_ID", "INVOICE_DT", "VENDOR_SETID", "VENDOR_ID", "GROSS_AMT", "DUE_DT",
        "ENTRY_STATUS", "APPR_STATUS", "POST_STATUS_AP", "CLOSE_STATUS",
        "VOUCHER_LINE_NUM", "DISTRIB_LINE_NUM", "ACCOUNT", "DEPTID", "OPERATING_UNIT", "MERCHANDISE_AMT", "DESCR",
    ];

    /// <summary>GL account rows.</summary>
    public static IReadOnlyList<string> GlAccounts { get; } = ["SETID", "ACCOUNT", "EFFDT", "EFF_STATUS", "DESCR"];

    /// <summary>Department rows.</summary>
    public static IReadOnlyList<string> Departments { get; } = ["SETID", "DEPTID", "EFFDT", "EFF_STATUS", "DESCR"];

    /// <summary>The payments on one voucher.</summary>
    public static IReadOnlyList<string> VoucherPaymentStatus { get; } =
    [
        "PYMNT_CNT", "PYMNT_ID", "PAID_AMT", "PYMNT_METHOD", "PYMNT_ACTION", "PYMNT_SELCT_STATUS", "PYMNT_DT", "PYMNT_STATUS", "PYMNT_ID_REF",
    ];

    /// <summary>Columns read when the query returns them, and left empty when it does not.</summary>
    public static IReadOnlyList<string> Optional { get; } =
        ["ADDRESS3", "PHONE", "ACCOUNTING_DT", "BUSINESS_UNIT_GL", "PRODUCT", "FUND_CODE", "ACCOUNT_TYPE"];

    /// <summary>The first required column the row lacks, or null when it has them all.</summary>
    public static string? FirstMissing(PeopleSoftQueryRow row, IEnumerable<string> required)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(required);
        return required.FirstOrDefault(column => !row.Has(column));
    }

    /// <summary>The failure for a query that lacks a column: names the query, the column and the fix.</summary>
    public static PeopleSoftException Missing(string queryName, string setting, string column) => new(
        $"Query {queryName} does not return column {column}, which PsBill needs to map its rows. Add {column} to the query's " +
        $"fields in Query Manager (docs/PEOPLESOFT-SETUP.md lists every column), or point PsBill:PeopleSoft:Queries:{setting}:Name " +
        "at a query that returns it.",
        PeopleSoftErrorKind.Configuration, MissingColumn, messageParameters: [queryName, column]);

    /// <summary>The code of <see cref="Missing"/>.</summary>
    public static readonly PeopleSoftErrorCode MissingColumn = new("MISSING_COLUMN");
}
