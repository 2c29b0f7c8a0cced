namespace PsBill.Connector.Sync;

/// <summary>The kinds of mapping rows the reference-data sync writes, and their source values.</summary>
public static class MappingKinds
{
    /// <summary>A GL account: source <c>SETID:ACCOUNT</c>, BILL chart-of-accounts id.</summary>
    public const string Account = "account";

    /// <summary>A department: source <c>SETID:DEPTID</c>, BILL department (or location) id.</summary>
    public const string Department = "department";

    /// <summary>An operating unit: source <c>OPERATING_UNIT</c>, BILL department (or location) id.</summary>
    public const string OperatingUnit = "operatingunit";

    /// <summary>Every kind.</summary>
    public static readonly IReadOnlyList<string> All = [Account, Department, OperatingUnit];

    /// <summary>The source value of a GL account.</summary>
    public static string AccountSource(string setId, string account) => $"{setId}:{account}";

    /// <summary>The source value of a department.</summary>
    public static string DepartmentSource(string setId, string deptId) => $"{setId}:{deptId}";
}
