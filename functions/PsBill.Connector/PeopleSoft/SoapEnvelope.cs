using System.Xml.Linq;

namespace PsBill.Connector.PeopleSoft;

/// <summary>SOAP 1.1 envelopes for the PeopleSoft service listening connector, with or without a WS-Security UsernameToken.</summary>
internal static class SoapEnvelope
{
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string PasswordTextType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    /// <summary>Builds the envelope of one CI call; the properties are put into the message's namespace.</summary>
    public static XDocument Build(PeopleSoftCiCall call, IEnumerable<XElement> properties, PeopleSoftCredential? usernameToken)
    {
        XNamespace message = call.Namespace;
        var messageName = call.RequestRoot;
        var header = new XElement(Soap + "Header");
        if (usernameToken is not null)
        {
            header.Add(new XElement(Wsse + "Security",
                new XAttribute(XNamespace.Xmlns + "wsse", Wsse),
                new XAttribute(Soap + "mustUnderstand", "1"),
                new XElement(Wsse + "UsernameToken",
                    new XElement(Wsse + "Username", usernameToken.OperatorId),
                    new XElement(Wsse + "Password", new XAttribute("Type", PasswordTextType), usernameToken.Password))));
        }
        return new XDocument(new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", Soap),
            header,
            new XElement(Soap + "Body", new XElement(message + messageName, properties.Select(p => InNamespace(p, message))))));
    }

    /// <summary>The first element of the SOAP body, or null when the text is not a SOAP envelope.</summary>
    public static XElement? BodyContent(string text)
    {
        try
        {
            var envelope = XElement.Parse(text);
            return envelope.Elements().FirstOrDefault(e => e.Name.LocalName == "Body")?.Elements().FirstOrDefault();
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static XElement InNamespace(XElement element, XNamespace ns) =>
        new(ns + element.Name.LocalName,
            element.Attributes().Where(a => !a.IsNamespaceDeclaration),
            element.Nodes().Select(node => node is XElement child ? InNamespace(child, ns) : node));
}
