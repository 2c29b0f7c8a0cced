namespace PsBill.Connector.PeopleSoft.Preflight;

/// <summary>The Component Interfaces the connector writes through, as the preflight names them.</summary>
public enum PeopleSoftWriteTarget
{
    /// <summary><c>PsBill:PeopleSoft:ComponentInterfaces:VoucherPayment</c>.</summary>
    VoucherPayment,

    /// <summary><c>PsBill:PeopleSoft:ComponentInterfaces:PaymentReversal</c>.</summary>
    PaymentReversal,

    /// <summary><c>PsBill:PeopleSoft:ComponentInterfaces:Journal</c>.</summary>
    Journal,
}
