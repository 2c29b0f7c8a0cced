namespace PsBill.Connector.Bill.Lists;

/// <summary>The filter operators of BILL's list calls.</summary>
public enum BillFilterOperator
{
    Eq, Ne, Gt, Gte, Lt, Lte, In, Nin,
    /// <summary>Starts with (BILL allows it on vendor <c>name</c>).</summary>
    Sw,
}
