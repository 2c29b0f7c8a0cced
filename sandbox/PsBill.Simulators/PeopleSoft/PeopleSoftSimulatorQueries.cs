using System.Globalization;

namespace PsBill.Simulators.PeopleSoft;

/// <summary>
/// The public queries the simulated customer built for PsBill, with the criteria a customer is asked to build
/// (docs/ARCHITECTURE.md). The incremental ones select rows strictly after the (timestamp, key) prompts and order
/// by timestamp then key; <see cref="ApprovedVouchersSince"/> is the simpler variant with only <c>changed &gt;= :since</c>.
/// </summary>
public static class PeopleSoftSimulatorQueries
{
    /// <summary>Suppliers with their address rows. Prompts LASTUPDDTTM, SETID, VENDOR_ID.</summary>
    public const string Suppliers = "PSB_SUPPLIERS";

    /// <summary>Approved vouchers, one row per distribution line. Prompts LASTUPDDTTM, BUSINESS_UNIT, VOUCHER_ID.</summary>
    public const string ApprovedVouchers = "PSB_APPROVED_VOUCHERS";

    /// <summary>The same rows with only a LASTUPDDTTM prompt, selecting <c>&gt;=</c>.</summary>
    public const string ApprovedVouchersSince = "PSB_APPROVED_VOUCHERS_SINCE";

    /// <summary>GL account rows, every effective date. Prompts SETID, ACCOUNT (rows after that key).</summary>
    public const string GlAccounts = "PSB_GL_ACCOUNTS";

    /// <summary>Department rows, every effective date. Prompts SETID, DEPTID (rows after that key).</summary>
    public const string Departments = "PSB_DEPARTMENTS";

    /// <summary>Payments on one voucher. Prompts BUSINESS_UNIT, VOUCHER_ID.</summary>
    public const string VoucherPayments = "PSB_VOUCHER_PAYMENTS";

    internal static IReadOnlyDictionary<string, SimulatedQuery> All { get; } = new SimulatedQuery[]
    {
        new(Suppliers, ["LASTUPDDTTM", "SETID", "VENDOR_ID"], (store, p) => SupplierRows(store, p)),
        new(ApprovedVouchers, ["LASTUPDDTTM", "BUSINESS_UNIT", "VOUCHER_ID"], (store, p) =>
        {
            var since = p.Timestamp("LASTUPDDTTM");
            string[] afterKey = [p.Text("BUSINESS_UNIT"), p.Text("VOUCHER_ID")];
            return VoucherRows(store, v => After(v.ChangedAt, [v.BusinessUnit, v.VoucherId], since, afterKey));
        }),
        new(ApprovedVouchersSince, ["LASTUPDDTTM"], (store, p) =>
        {
            var since = p.Timestamp("LASTUPDDTTM");
            return VoucherRows(store, v => v.ChangedAt >= since);
        }),
        new(GlAccounts, ["SETID", "ACCOUNT"], (store, p) => SetupRows(store.Accounts, "ACCOUNT", p.Text("SETID"), p.Text("ACCOUNT"), withType: true)),
        new(Departments, ["SETID", "DEPTID"], (store, p) => SetupRows(store.Departments, "DEPTID", p.Text("SETID"), p.Text("DEPTID"), withType: false)),
        new(VoucherPayments, ["BUSINESS_UNIT", "VOUCHER_ID"], (store, p) => PaymentRows(store, p.Text("BUSINESS_UNIT"), p.Text("VOUCHER_ID"))),
    }.ToDictionary(q => q.Name, StringComparer.Ordinal);

    /// <summary>PeopleSoft's datetime text.</summary>
    public static string FormatTimestamp(DateTime stamp) => stamp.ToString("yyyy-MM-dd-HH.mm.ss.ffffff", CultureInfo.InvariantCulture);

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>(stamp, key) &gt; (since, afterKey): <c>A.LASTUPDDTTM &gt; :1 OR (A.LASTUPDDTTM = :1 AND (key1 &gt; :2 OR (key1 = :2 AND key2 &gt; :3)))</c>.</summary>
    private static bool After(DateTime stamp, string[] key, DateTime since, string[] afterKey)
    {
        if (stamp != since) return stamp > since;
        for (var i = 0; i < key.Length; i++)
        {
            var byField = string.CompareOrdinal(key[i], afterKey[i]);
            if (byField != 0) return byField > 0;
        }
        return false;
    }

    private static IEnumerable<QasRow> SupplierRows(PeopleSoftStore store, QueryPrompts prompts)
    {
        var since = prompts.Timestamp("LASTUPDDTTM");
        string[] afterKey = [prompts.Text("SETID"), prompts.Text("VENDOR_ID")];
        foreach (var s in store.Suppliers
                     .Where(s => After(s.ChangedAt, [s.SetId, s.VendorId], since, afterKey))
                     .OrderBy(s => s.ChangedAt).ThenBy(s => s.SetId, StringComparer.Ordinal).ThenBy(s => s.VendorId, StringComparer.Ordinal))
        {
            var addresses = s.Addresses.OrderBy(a => a.SequenceNumber).ThenBy(a => a.EffectiveDate).Select(a => (SimulatedAddress?)a).ToList();
            if (addresses.Count == 0) addresses.Add(null); // left outer join: a supplier without address still has a row
            foreach (var a in addresses)
            {
                yield return new QasRow()
                    .Add("A.SETID", s.SetId, s.RawOverrides).Add("A.VENDOR_ID", s.VendorId, s.RawOverrides)
                    .Add("A.NAME1", s.Name, s.RawOverrides).Add("A.VENDOR_STATUS", s.Status, s.RawOverrides)
                    .Add("A.LASTUPDDTTM", FormatTimestamp(s.ChangedAt), s.RawOverrides)
                    .Add("B.ADDRESS_SEQ_NUM", a?.SequenceNumber, null).Add("B.EFFDT", a is null ? null : FormatDate(a.EffectiveDate), null)
                    .Add("B.EFF_STATUS", a?.EffectiveStatus, null).Add("B.ADDRESS1", a?.Address1, null).Add("B.ADDRESS2", a?.Address2, null)
                    .Add("B.ADDRESS3", null, null).Add("B.CITY", a?.City, null).Add("B.STATE", a?.State, null)
                    .Add("B.POSTAL", a?.PostalCode, null).Add("B.COUNTRY", a?.Country, null).Add("B.EMAILID", a?.Email, null)
                    .Add("C.PHONE", a?.Phone, null);
            }
        }
    }

    private static IEnumerable<QasRow> VoucherRows(PeopleSoftStore store, Func<SimulatedVoucher, bool> criteria)
    {
        foreach (var v in store.Vouchers
                     .Where(v => v.IsApproved && criteria(v))
                     .OrderBy(v => v.ChangedAt).ThenBy(v => v.BusinessUnit, StringComparer.Ordinal).ThenBy(v => v.VoucherId, StringComparer.Ordinal))
        {
            var o = v.RawOverrides;
            foreach (var line in v.Lines.OrderBy(l => l.LineNumber))
            {
                foreach (var d in line.Distributions.OrderBy(d => d.LineNumber))
                {
                    yield return new QasRow()
                        .Add("A.BUSINESS_UNIT", v.BusinessUnit, o).Add("A.VOUCHER_ID", v.VoucherId, o)
                        .Add("A.INVOICE_ID", v.InvoiceId, o).Add("A.INVOICE_DT", FormatDate(v.InvoiceDate), o)
                        .Add("A.VENDOR_SETID", v.VendorSetId, o).Add("A.VENDOR_ID", v.VendorId, o)
                        .Add("A.GROSS_AMT", v.GrossAmount, o).Add("A.DUE_DT", FormatDate(v.DueDate), o)
                        .Add("A.ACCOUNTING_DT", FormatDate(v.AccountingDate), o)
                        .Add("A.ENTRY_STATUS", v.EntryStatus, o).Add("A.APPR_STATUS", v.ApprovalStatus, o)
                        .Add("A.POST_STATUS_AP", v.PostStatus, o).Add("A.CLOSE_STATUS", v.CloseStatus, o)
                        .Add("A.LASTUPDDTTM", FormatTimestamp(v.ChangedAt), o)
                        .Add("B.VOUCHER_LINE_NUM", line.LineNumber, null)
                        .Add("C.DISTRIB_LINE_NUM", d.LineNumber, null).Add("C.BUSINESS_UNIT_GL", d.BusinessUnitGl, null)
                        .Add("C.ACCOUNT", d.Account, null).Add("C.DEPTID", d.DeptId, null).Add("C.OPERATING_UNIT", d.OperatingUnit, null)
                        .Add("C.MERCHANDISE_AMT", d.Amount, null).Add("C.DESCR", d.Description, null);
                }
            }
        }
    }

    private static IEnumerable<QasRow> SetupRows(IEnumerable<SimulatedSetupRow> rows, string idColumn, string afterSetId, string afterId, bool withType) =>
        rows.Where(r => After(DateTime.MinValue, [r.SetId, r.Id], DateTime.MinValue, [afterSetId, afterId]))
            .OrderBy(r => r.SetId, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.EffectiveDate)
            .Select(r =>
            {
                var row = new QasRow()
                    .Add("A.SETID", r.SetId, null).Add("A." + idColumn, r.Id, null).Add("A.EFFDT", FormatDate(r.EffectiveDate), null)
                    .Add("A.EFF_STATUS", r.EffectiveStatus, null).Add("A.DESCR", r.Description, null);
                return withType ? row.Add("A.ACCOUNT_TYPE", r.AccountType, null) : row;
            });

    private static IEnumerable<QasRow> PaymentRows(PeopleSoftStore store, string businessUnit, string voucherId) =>
        store.Payments.Where(p => p.BusinessUnit == businessUnit && p.VoucherId == voucherId).OrderBy(p => p.PaymentCount)
            .Select(p => new QasRow()
                .Add("A.BUSINESS_UNIT", p.BusinessUnit, null).Add("A.VOUCHER_ID", p.VoucherId, null)
                .Add("A.PYMNT_CNT", p.PaymentCount, null).Add("A.PYMNT_ID", p.PaymentId, null)
                .Add("A.PAID_AMT", p.Amount, null).Add("A.PYMNT_METHOD", p.Method, null)
                .Add("A.PYMNT_ACTION", p.Action, null).Add("A.PYMNT_SELCT_STATUS", "E", null)
                .Add("B.PYMNT_DT", FormatDate(p.PaymentDate), null).Add("B.PYMNT_STATUS", p.Status, null)
                .Add("A.PYMNT_ID_REF", p.Reference, null));
}
