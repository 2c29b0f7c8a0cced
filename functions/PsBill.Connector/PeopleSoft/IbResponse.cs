using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// The Integration Broker's error document (<c>IBResponse</c>: DefaultTitle, StatusCode, MessageSetID, MessageID,
/// DefaultMessage, MessageParameters), found on its own or inside a SOAP fault's detail.
/// </summary>
internal sealed partial record IbResponse(
    string? Title, int? MessageSetId, int? MessageId, string Message, IReadOnlyList<string> Parameters)
{
    /// <summary>Finds an IBResponse in a response body, or null when there is none (an HTML gateway page, an empty body).</summary>
    public static IbResponse? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || !body.Contains("IBResponse", StringComparison.Ordinal)) return null;
        XElement root;
        try { root = XElement.Parse(body); }
        catch (XmlException) { return null; }
        var ib = root.Name.LocalName == "IBResponse" ? root : root.Descendants().FirstOrDefault(e => e.Name.LocalName == "IBResponse");
        if (ib is null) return null;

        string? Child(string name) => ib.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        var message = Child("DefaultMessage") ?? "";
        var setId = ParseInt(Child("MessageSetID"));
        var id = ParseInt(Child("MessageID"));
        // PeopleSoft prints the set and number at the end of the text, e.g. "User password failed. (158,45)".
        if (setId is null && TrailingMessageNumber().Match(message) is { Success: true } match)
        {
            setId = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            id = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        }
        var parameters = ib.Elements().FirstOrDefault(e => e.Name.LocalName == "MessageParameters")?
            .Elements().Select(e => e.Value.Trim()).ToList() ?? [];
        return new IbResponse(Child("DefaultTitle"), setId, id, message, parameters);
    }

    /// <summary>True for PeopleSoft's "User password failed" (158,45), whatever the message language.</summary>
    public bool IsAuthenticationFailure =>
        (MessageSetId == 158 && MessageId == 45) || Message.Contains("User password failed", StringComparison.OrdinalIgnoreCase);

    /// <summary>The remote code: <c>set,number</c> when known.</summary>
    public PeopleSoftErrorCode Code => MessageSetId is { } set && MessageId is { } id
        ? PeopleSoftErrorCode.Message(set, id)
        : new PeopleSoftErrorCode(MessageId?.ToString(CultureInfo.InvariantCulture) ?? "IBRESPONSE");

    private static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"\((\d+),\s*(\d+)\)\s*$")]
    private static partial Regex TrailingMessageNumber();
}
