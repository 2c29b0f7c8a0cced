using System.Xml.Linq;

namespace PsBill.Simulators.PeopleSoft;

/// <summary>One Component Interface call as received: the CI, the operation suffix and the message element.</summary>
internal sealed record CiRequest(string ComponentInterface, string Operation, XElement Message)
{
    /// <summary>A property's text, or null.</summary>
    public string? Field(string name) => Field(Message, name);

    public static string? Field(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    /// <summary>A required property's text.</summary>
    public static string Required(XElement parent, string name, string ci) =>
        Field(parent, name) ?? throw new QasRequestException($"Field {name} is required.", 91, 12, ci, name);

    /// <summary>The rows of a collection.</summary>
    public IEnumerable<XElement> Collection(string name) => Message.Elements().Where(e => e.Name.LocalName == name);
}
