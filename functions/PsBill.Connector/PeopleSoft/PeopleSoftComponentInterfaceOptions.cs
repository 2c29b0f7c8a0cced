using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// How one customer-built Component Interface is exposed as a service: its name, the operation the shop exposes for
/// the write (Create <c>_C</c>, Update <c>_UP</c> or UpdateData <c>_UD</c>), and, where the shop's WSDL differs from
/// PeopleSoft's generated names, the body root, its namespace and the response root. Left empty, the three names are
/// PeopleSoft's own: <c>Create__CompIntfc__&lt;NAME&gt;</c> (or <c>Update__</c>, <c>Updatedata__</c>), namespace
/// <c>http://xmlns.oracle.com/Enterprise/Tools/schemas/&lt;root&gt;.V1</c>, response <c>&lt;root&gt;Response</c>.
/// </summary>
public abstract class PeopleSoftComponentInterfaceOptions
{
    /// <summary>The CI name (the service is <c>CI_&lt;Name&gt;</c>).</summary>
    [Required, RegularExpression("^[A-Za-z0-9_]+$", ErrorMessage = "A Component Interface name has letters, digits and underscores only.")]
    public string Name { get; set; } = "";

    /// <summary>The service operation the writer calls: <c>Create</c>, <c>Update</c> or <c>UpdateData</c>.</summary>
    public PeopleSoftCiOperation Operation { get; set; }

    /// <summary>The request body root; empty (or <c>none</c>) for PeopleSoft's generated name for <see cref="Operation"/>.</summary>
    public string RequestRoot { get; set; } = "";

    /// <summary>The request message namespace; empty for <c>http://xmlns.oracle.com/Enterprise/Tools/schemas/&lt;RequestRoot&gt;.V1</c>.</summary>
    public string Namespace { get; set; } = "";

    /// <summary>The response body root the writer expects; empty for <c>&lt;RequestRoot&gt;Response</c>.</summary>
    public string ResponseRoot { get; set; } = "";

    /// <summary>The call these settings describe, with every empty name resolved to PeopleSoft's own.</summary>
    public PeopleSoftCiCall ToCall()
    {
        var requestRoot = PeopleSoftSettingValue.OrEmpty(RequestRoot);
        var ns = PeopleSoftSettingValue.OrEmpty(Namespace);
        var responseRoot = PeopleSoftSettingValue.OrEmpty(ResponseRoot);
        var root = requestRoot.Length > 0 ? requestRoot : PeopleSoftCiOperations.RequestElement(Name, Operation);
        return new PeopleSoftCiCall(
            Name,
            Operation,
            PeopleSoftCiOperations.SoapAction(Name, Operation),
            root,
            ns.Length > 0 ? ns : PeopleSoftCiOperations.SchemaNamespacePrefix + root + ".V1",
            responseRoot.Length > 0 ? responseRoot : root + "Response");
    }
}
