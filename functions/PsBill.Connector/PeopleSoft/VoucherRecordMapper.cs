namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// Builds a voucher from the flattened approved-vouchers query: one row per distribution line, carrying the
/// voucher's and the voucher line's columns. Checks what BILL will rely on: keys, amounts, dates, and that the
/// distributions sum to GROSS_AMT.
/// </summary>
internal static class VoucherRecordMapper
{
    public static readonly string[] KeyColumns = ["BUSINESS_UNIT", "VOUCHER_ID"];

    public static PeopleSoftVoucher Map(QasRecordGroup group)
    {
        var head = group.Rows[0];
        foreach (var key in KeyColumns) RowFault.Required(head, key);
        if (group.Position is null)
            throw new RowFault("LASTUPDDTTM", $"'{group.TimestampText}' is not a timestamp");

        var vendorSetId = RowFault.Required(head, "VENDOR_SETID");
        var vendorId = RowFault.Required(head, "VENDOR_ID");
        var invoiceId = RowFault.Required(head, "INVOICE_ID");
        var invoiceDate = RowFault.Date(head, "INVOICE_DT");
        var gross = RowFault.Amount(head, "GROSS_AMT");
        var dueDate = RowFault.OptionalDate(head, "DUE_DT");
        var accountingDate = head.Has("ACCOUNTING_DT") ? RowFault.OptionalDate(head, "ACCOUNTING_DT") : null;

        if (head["DISTRIB_LINE_NUM"] is null && group.Rows.Count == 1)
            throw new RowFault("DISTRIB_LINE_NUM", "is missing: the voucher has no distribution lines");

        var distributions = group.Rows.Select(row => new PeopleSoftDistributionLine(
            RowFault.Number(row, "VOUCHER_LINE_NUM"),
            RowFault.Number(row, "DISTRIB_LINE_NUM"),
            row["BUSINESS_UNIT_GL"],
            RowFault.Required(row, "ACCOUNT"),
            row["DEPTID"],
            row["OPERATING_UNIT"],
            row.Has("PRODUCT") ? row["PRODUCT"] : null,
            row.Has("FUND_CODE") ? row["FUND_CODE"] : null,
            RowFault.Amount(row, "MERCHANDISE_AMT"),
            row["DESCR"])).ToList();

        var distributed = distributions.Sum(d => d.MerchandiseAmount);
        if (distributed != gross)
            throw new RowFault("GROSS_AMT", $"is {PeopleSoftValues.FormatAmount(gross)} but the distribution lines sum to {PeopleSoftValues.FormatAmount(distributed)}");

        var lines = distributions
            .GroupBy(d => d.VoucherLineNumber)
            .OrderBy(g => g.Key)
            .Select(g => new PeopleSoftVoucherLine(g.Key, g.Sum(d => d.MerchandiseAmount), g.OrderBy(d => d.LineNumber).ToList()))
            .ToList();

        return new PeopleSoftVoucher(
            group.Key[0], group.Key[1], invoiceId, invoiceDate, vendorSetId, vendorId, gross, dueDate, accountingDate,
            head["ENTRY_STATUS"] ?? "", head["APPR_STATUS"] ?? "", head["POST_STATUS_AP"] ?? "", head["CLOSE_STATUS"] ?? "",
            group.Position.ChangedAt, lines);
    }

    public static string RecordKey(QasRecordGroup group) =>
        PeopleSoftRecordKeys.Voucher(OrMissing(group.Key[0]), OrMissing(group.Key[1]));

    private static string OrMissing(string value) => value.Length == 0 ? "?" : value;
}
