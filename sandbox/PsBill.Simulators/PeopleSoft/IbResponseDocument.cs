using System.Xml.Linq;

namespace PsBill.Simulators.PeopleSoft;

/// <summary>The Integration Broker's error document, as PeopleSoft sends it on its own (REST) or in a SOAP fault's detail.</summary>
internal static class IbResponseDocument
{
    public static XElement Build(string message, int? messageSetId, int? messageId, IEnumerable<string> parameters)
    {
        var text = messageSetId is { } set && messageId is { } id ? $"{message} ({set},{id})" : message;
        return new XElement("IBResponse", new XAttribute("type", "error"),
            new XElement("DefaultTitle", "Integration Broker Response"),
            new XElement("StatusCode", "20"),
            messageSetId is null ? null : new XElement("MessageSetID", messageSetId),
            messageId is null ? null : new XElement("MessageID", messageId),
            new XElement("DefaultMessage", text),
            new XElement("MessageParameters", parameters.Select(p => new XElement("keyinformation", p))));
    }
}
