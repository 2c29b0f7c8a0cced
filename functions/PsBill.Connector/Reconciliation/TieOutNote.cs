namespace PsBill.Connector.Reconciliation;

/// <summary>One reason on a line, in plain words naming the voucher, bill or payment.</summary>
/// <param name="Cause">The class of the reason.</param>
/// <param name="Text">What the operator reads.</param>
public sealed record TieOutNote(TieOutCause Cause, string Text)
{
    /// <summary>True when the note explains (anything but <see cref="TieOutCause.Unexplained"/>).</summary>
    public bool Explains => Cause != TieOutCause.Unexplained;
}
