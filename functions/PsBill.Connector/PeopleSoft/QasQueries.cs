namespace PsBill.Connector.PeopleSoft;

/// <summary>The four record queries as the reader (and the preflight) run them: settings, key and required columns.</summary>
internal static class QasQueries
{
    public static QasQuery Suppliers(PeopleSoftClientOptions options) => new(nameof(PeopleSoftQueryNames.Suppliers),
        options.Queries.Suppliers, SupplierRecordMapper.KeyColumns, PeopleSoftQueryColumns.Suppliers, Incremental: true);

    public static QasQuery ApprovedVouchers(PeopleSoftClientOptions options) => new(nameof(PeopleSoftQueryNames.ApprovedVouchers),
        options.Queries.ApprovedVouchers, VoucherRecordMapper.KeyColumns, PeopleSoftQueryColumns.ApprovedVouchers, Incremental: true);

    public static QasQuery GlAccounts(PeopleSoftClientOptions options) => new(nameof(PeopleSoftQueryNames.GlAccounts),
        options.Queries.GlAccounts, EffectiveDatedMapper.AccountKeyColumns, PeopleSoftQueryColumns.GlAccounts, Incremental: false);

    public static QasQuery Departments(PeopleSoftClientOptions options) => new(nameof(PeopleSoftQueryNames.Departments),
        options.Queries.Departments, EffectiveDatedMapper.DepartmentKeyColumns, PeopleSoftQueryColumns.Departments, Incremental: false);

    /// <summary>The four, in the order a first sync reads them.</summary>
    public static IReadOnlyList<QasQuery> All(PeopleSoftClientOptions options) =>
        [GlAccounts(options), Departments(options), Suppliers(options), ApprovedVouchers(options)];
}
