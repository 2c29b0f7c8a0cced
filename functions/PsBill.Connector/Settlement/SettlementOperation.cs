namespace PsBill.Connector.Settlement;

/// <summary>What an intent row is about to do in PeopleSoft.</summary>
public enum SettlementOperation
{
    /// <summary>Nothing: the payment was not payable (voided before posting); the row only records that.</summary>
    None,

    /// <summary>Post the cleared amount.</summary>
    Post,

    /// <summary>Reverse an earlier posting.</summary>
    Reverse,
}
