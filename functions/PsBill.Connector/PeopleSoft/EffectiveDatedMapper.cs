namespace PsBill.Connector.PeopleSoft;

/// <summary>Picks the current row of an effective-dated setup table (<c>PS_GL_ACCOUNT_TBL</c>, <c>PS_DEPT_TBL</c>):
/// the latest EFFDT on or before today. A key whose rows all lie in the future does not exist yet.</summary>
internal static class EffectiveDatedMapper
{
    public static (PeopleSoftQueryRow Row, DateOnly EffectiveDate)? Current(QasRecordGroup group, IReadOnlyList<string> keyColumns, DateOnly today)
    {
        foreach (var column in keyColumns) RowFault.Required(group.Rows[0], column);
        return group.Rows
            .Select(row => (Row: row, EffectiveDate: RowFault.Date(row, "EFFDT")))
            .Where(r => r.EffectiveDate <= today)
            .OrderByDescending(r => r.EffectiveDate)
            .Select(r => ((PeopleSoftQueryRow, DateOnly)?)r)
            .FirstOrDefault();
    }

    public static readonly string[] AccountKeyColumns = ["SETID", "ACCOUNT"];
    public static readonly string[] DepartmentKeyColumns = ["SETID", "DEPTID"];

    public static PeopleSoftGlAccount? MapAccount(QasRecordGroup group, DateOnly today) =>
        Current(group, AccountKeyColumns, today) is { } current
            ? new PeopleSoftGlAccount(group.Key[0], group.Key[1], current.EffectiveDate, current.Row["EFF_STATUS"] is null or "A",
                current.Row["DESCR"] ?? "", current.Row["ACCOUNT_TYPE"])
            : null;

    public static PeopleSoftDepartment? MapDepartment(QasRecordGroup group, DateOnly today) =>
        Current(group, DepartmentKeyColumns, today) is { } current
            ? new PeopleSoftDepartment(group.Key[0], group.Key[1], current.EffectiveDate, current.Row["EFF_STATUS"] is null or "A",
                current.Row["DESCR"] ?? "")
            : null;
}
