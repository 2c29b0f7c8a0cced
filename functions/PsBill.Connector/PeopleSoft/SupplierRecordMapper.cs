namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// Builds a supplier from the suppliers query: one row per address row (<c>PS_VENDOR_ADDR</c> is effective-dated,
/// so a supplier may have several rows per address). The current address is the latest row in effect today of
/// the lowest address sequence number that has one.
/// </summary>
internal static class SupplierRecordMapper
{
    public static readonly string[] KeyColumns = ["SETID", "VENDOR_ID"];

    public static PeopleSoftSupplier Map(QasRecordGroup group, DateOnly today)
    {
        var head = group.Rows[0];
        foreach (var key in KeyColumns) RowFault.Required(head, key);
        if (group.Position is null)
            throw new RowFault("LASTUPDDTTM", $"'{group.TimestampText}' is not a timestamp");
        var name = RowFault.Required(head, "NAME1");
        var status = RowFault.Required(head, "VENDOR_STATUS");

        var current = group.Rows
            .Where(row => row["ADDRESS_SEQ_NUM"] is not null)
            .Select(row => (Row: row, Seq: RowFault.Number(row, "ADDRESS_SEQ_NUM"), EffDt: row["EFFDT"] is null ? DateOnly.MinValue : RowFault.Date(row, "EFFDT")))
            .Where(a => a.EffDt <= today)
            .GroupBy(a => a.Seq)
            .Select(g => g.MaxBy(a => a.EffDt))
            .Where(a => a.Row["EFF_STATUS"] is null or "A")
            .OrderBy(a => a.Seq)
            .FirstOrDefault();

        PeopleSoftAddress? address = current.Row is null ? null : new PeopleSoftAddress(
            current.Seq, current.Row["ADDRESS1"], current.Row["ADDRESS2"], current.Row["ADDRESS3"],
            current.Row["CITY"], current.Row["STATE"], current.Row["POSTAL"], current.Row["COUNTRY"]);

        return new PeopleSoftSupplier(group.Key[0], group.Key[1], name, status, address,
            current.Row?["EMAILID"], current.Row?["PHONE"], group.Position.ChangedAt)
        {
            // Optional columns: a suppliers query that selects them lets PsBill recognize vendors keyed into BILL by hand.
            TaxId = head["STD_ID_NUM"],
            BankAccountNumber = head["BANK_ACCOUNT_NUM"],
            BankRoutingNumber = head["DFI_ID"],
        };
    }

    public static string RecordKey(QasRecordGroup group) =>
        PeopleSoftRecordKeys.Supplier(group.Key[0].Length == 0 ? "?" : group.Key[0], group.Key[1].Length == 0 ? "?" : group.Key[1]);
}
