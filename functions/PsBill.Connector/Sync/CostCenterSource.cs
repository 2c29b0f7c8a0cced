namespace PsBill.Connector.Sync;

/// <summary>The PeopleSoft distribution field that carries the cost center.</summary>
public enum CostCenterSource
{
    /// <summary><c>DEPTID</c>, matched to BILL by the department table (<c>PS_DEPT_TBL</c>).</summary>
    DeptId,

    /// <summary><c>OPERATING_UNIT</c>, matched to BILL by short name or name.</summary>
    OperatingUnit,
}
