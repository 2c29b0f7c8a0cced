namespace PsBill.Connector.PeopleSoft;

/// <summary>The current effective-dated row of a department (<c>PS_DEPT_TBL</c>).</summary>
public sealed record PeopleSoftDepartment(
    string SetId,
    string DeptId,
    DateOnly EffectiveDate,
    bool IsActive,
    string Description);
