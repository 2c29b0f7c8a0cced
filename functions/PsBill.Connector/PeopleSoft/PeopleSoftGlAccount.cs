namespace PsBill.Connector.PeopleSoft;

/// <summary>The current effective-dated row of a GL account (<c>PS_GL_ACCOUNT_TBL</c>).</summary>
/// <param name="EffectiveDate">EFFDT of the current row (the latest on or before today).</param>
/// <param name="IsActive">EFF_STATUS of the current row is A.</param>
/// <param name="AccountType">ACCOUNT_TYPE (A asset, L liability, E expense, R revenue, Q equity).</param>
public sealed record PeopleSoftGlAccount(
    string SetId,
    string Account,
    DateOnly EffectiveDate,
    bool IsActive,
    string Description,
    string? AccountType);
