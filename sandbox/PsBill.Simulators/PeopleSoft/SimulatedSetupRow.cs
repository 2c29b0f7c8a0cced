namespace PsBill.Simulators.PeopleSoft;

/// <summary>One effective-dated row of a setup table: a GL account (<c>PS_GL_ACCOUNT_TBL</c>, with
/// <see cref="AccountType"/>) or a department (<c>PS_DEPT_TBL</c>).</summary>
public sealed record SimulatedSetupRow(
    string SetId,
    string Id,
    DateOnly EffectiveDate,
    string EffectiveStatus,
    string Description,
    string? AccountType = null);
