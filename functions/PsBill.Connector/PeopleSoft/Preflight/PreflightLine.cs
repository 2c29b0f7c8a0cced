namespace PsBill.Connector.PeopleSoft.Preflight;

/// <summary>One line of the preflight: a query or CI, whether it is ready, and what is wrong and which setting fixes it.</summary>
/// <param name="Subject">E.g. <c>query PSB_SUPPLIERS</c> or <c>CI_PSB_VCHR_PYMNT_UD.V1 (VoucherPayment)</c>.</param>
/// <param name="Ok">True when it answered as configured.</param>
/// <param name="Message">What was found; for a failure, what is wrong and the setting (or PeopleSoft object) to fix.</param>
public sealed record PreflightLine(string Subject, bool Ok, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{(Ok ? "OK  " : "FAIL")} {Subject}: {Message}";
}
