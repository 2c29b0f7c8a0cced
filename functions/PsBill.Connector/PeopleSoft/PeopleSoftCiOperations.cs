namespace PsBill.Connector.PeopleSoft;

/// <summary>The names PeopleSoft gives a CI operation: its SOAPAction and its message (body root) element.</summary>
public static class PeopleSoftCiOperations
{
    /// <summary>The namespace of a message: <c>http://xmlns.oracle.com/Enterprise/Tools/schemas/&lt;MSG&gt;.V1</c>.</summary>
    public const string SchemaNamespacePrefix = "http://xmlns.oracle.com/Enterprise/Tools/schemas/";

    /// <summary>The service operation suffix: <c>C</c>, <c>G</c>, <c>F</c>, <c>UP</c>, <c>UD</c>.</summary>
    public static string Suffix(PeopleSoftCiOperation operation) => operation switch
    {
        PeopleSoftCiOperation.Create => "C",
        PeopleSoftCiOperation.Get => "G",
        PeopleSoftCiOperation.Find => "F",
        PeopleSoftCiOperation.Update => "UP",
        PeopleSoftCiOperation.UpdateData => "UD",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    /// <summary>The SOAPAction, e.g. <c>CI_VNDR_ID_G.V1</c>.</summary>
    public static string SoapAction(string componentInterface, PeopleSoftCiOperation operation) =>
        $"CI_{componentInterface}_{Suffix(operation)}.V1";

    /// <summary>The request body root, e.g. <c>Get__CompIntfc__VNDR_ID</c>; the response root appends <c>Response</c>.</summary>
    public static string RequestElement(string componentInterface, PeopleSoftCiOperation operation) => operation switch
    {
        PeopleSoftCiOperation.Create => $"Create__CompIntfc__{componentInterface}",
        PeopleSoftCiOperation.Get => $"Get__CompIntfc__{componentInterface}",
        PeopleSoftCiOperation.Find => $"Find__CompIntfc__{componentInterface}",
        PeopleSoftCiOperation.Update => $"Update__CompIntfc__{componentInterface}",
        PeopleSoftCiOperation.UpdateData => $"Updatedata__CompIntfc__{componentInterface}",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
