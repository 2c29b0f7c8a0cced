namespace PsBill.Connector.Settlement;

/// <summary>Whether a staged row books a payment or takes one back.</summary>
public enum StagedSettlementKind
{
    /// <summary>A cleared payment: debit AP liability, credit cash.</summary>
    Payment,

    /// <summary>The reversal of a staged payment that BILL voided: debit cash, credit AP liability.</summary>
    Reversal,
}
