namespace PsBill.Connector.PeopleSoft;

/// <summary>One CI service operation as it goes on the wire: the SOAPAction, the body root and its namespace, and the
/// response root that proves the component answered. Made from <see cref="PeopleSoftComponentInterfaceOptions.ToCall"/>
/// or <see cref="For"/> (PeopleSoft's generated names).</summary>
public sealed record PeopleSoftCiCall(
    string ComponentInterface,
    PeopleSoftCiOperation Operation,
    string SoapAction,
    string RequestRoot,
    string Namespace,
    string ResponseRoot)
{
    /// <summary>True for Create, Update and UpdateData: a failure after sending may have saved something.</summary>
    public bool IsWrite => Operation is not (PeopleSoftCiOperation.Get or PeopleSoftCiOperation.Find);

    /// <summary>The call with PeopleSoft's generated names (<c>CI_&lt;NAME&gt;_&lt;op&gt;.V1</c>, <c>Get__CompIntfc__&lt;NAME&gt;</c>, ...).</summary>
    public static PeopleSoftCiCall For(string componentInterface, PeopleSoftCiOperation operation)
    {
        var root = PeopleSoftCiOperations.RequestElement(componentInterface, operation);
        return new PeopleSoftCiCall(componentInterface, operation, PeopleSoftCiOperations.SoapAction(componentInterface, operation),
            root, PeopleSoftCiOperations.SchemaNamespacePrefix + root + ".V1", root + "Response");
    }
}
