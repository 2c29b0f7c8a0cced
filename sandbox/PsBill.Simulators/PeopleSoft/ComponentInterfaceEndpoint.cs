using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace PsBill.Simulators.PeopleSoft;

/// <summary>
/// <c>POST /PSIGW/PeopleSoftServiceListeningConnector/{NODE}</c>: Component Interface web services over SOAP 1.1.
/// The operation comes from <c>SOAPAction: CI_&lt;NAME&gt;_&lt;C|G|F|UP|UD&gt;.V1</c> (or the SOAP 1.2 <c>action</c>
/// content-type parameter) and must match the body root. Auth: HTTP Basic (a bad one gets 401) or a WS-Security
/// UsernameToken (a bad or missing one gets the "User password failed" IBResponse fault). Errors are SOAP faults
/// with an IBResponse in their detail, HTTP 500.
/// </summary>
internal sealed partial class ComponentInterfaceEndpoint(
    SimulatorCredentials credentials, IReadOnlyDictionary<string, Func<CiRequest, IEnumerable<XElement>>> components, Action onAuthenticationFailure)
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string SchemaPrefix = "http://xmlns.oracle.com/Enterprise/Tools/schemas/";

    public async Task HandleAsync(HttpContext context)
    {
        var basic = credentials.CheckBasic(context.Request);
        if (basic == false)
        {
            onAuthenticationFailure();
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        XElement envelope;
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            envelope = XElement.Parse(await reader.ReadToEndAsync(context.RequestAborted));
        }
        catch (XmlException)
        {
            await FaultAsync(context, new QasRequestException("The request is not a SOAP envelope."), "SOAP-ENV:Client");
            return;
        }

        try
        {
            if (basic is null && !UsernameTokenMatches(envelope))
            {
                onAuthenticationFailure();
                throw new QasRequestException("User password failed.", 158, 45);
            }
            var action = ReadAction(context.Request);
            var match = ServiceOperation().Match(action);
            if (!match.Success || !components.TryGetValue(match.Groups["ci"].Value, out var component))
                throw new QasRequestException($"Service operation {action} was not found on this node.", parameters: action);
            var ci = match.Groups["ci"].Value;
            var operation = match.Groups["op"].Value;
            var expectedRoot = RootName(ci, operation);
            var message = envelope.Elements().FirstOrDefault(e => e.Name.LocalName == "Body")?.Elements().FirstOrDefault();
            if (message is null || message.Name.LocalName != expectedRoot)
                throw new QasRequestException($"The message {message?.Name.LocalName ?? "(none)"} does not match {action}: expected {expectedRoot}.", parameters: action);

            var content = component(new CiRequest(ci, operation, message)).ToList();
            var responseName = expectedRoot + "Response";
            XNamespace ns = SchemaPrefix + responseName + ".V1";
            var response = new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soapenv", Soap),
                new XElement(Soap + "Body", new XElement(ns + responseName, content.Select(c => InNamespace(c, ns)))));
            context.Response.ContentType = "text/xml; charset=utf-8";
            await context.Response.WriteAsync(response.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
        }
        catch (QasRequestException ex)
        {
            await FaultAsync(context, ex, "SOAP-ENV:Server");
        }
    }

    private bool UsernameTokenMatches(XElement envelope)
    {
        var token = envelope.Descendants().FirstOrDefault(e => e.Name.LocalName == "UsernameToken");
        var user = token?.Elements().FirstOrDefault(e => e.Name.LocalName == "Username")?.Value;
        var password = token?.Elements().FirstOrDefault(e => e.Name.LocalName == "Password")?.Value;
        return user is not null && password is not null && credentials.Matches(user, password);
    }

    private static string ReadAction(HttpRequest request)
    {
        var action = request.Headers["SOAPAction"].ToString().Trim('"', ' ');
        if (action.Length > 0) return action;
        // SOAP 1.2: Content-Type: application/soap+xml; action="..."
        var contentType = request.ContentType ?? "";
        var at = contentType.IndexOf("action=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? "" : contentType[(at + 7)..].Split(';')[0].Trim('"', ' ');
    }

    private static string RootName(string ci, string operation) => operation switch
    {
        "C" => $"Create__CompIntfc__{ci}",
        "G" => $"Get__CompIntfc__{ci}",
        "F" => $"Find__CompIntfc__{ci}",
        "UP" => $"Update__CompIntfc__{ci}",
        _ => $"Updatedata__CompIntfc__{ci}",
    };

    private static async Task FaultAsync(HttpContext context, QasRequestException error, string faultCode)
    {
        XNamespace soapEnv = "http://schemas.xmlsoap.org/soap/envelope/";
        var fault = new XElement(soapEnv + "Envelope", new XAttribute(XNamespace.Xmlns + "SOAP-ENV", soapEnv),
            new XElement(soapEnv + "Body",
                new XElement(soapEnv + "Fault",
                    new XElement("faultcode", faultCode),
                    new XElement("faultstring", "OperationFailed"),
                    new XElement("detail", IbResponseDocument.Build(error.Message, error.MessageSetId, error.MessageId, error.Parameters)))));
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/xml; charset=utf-8";
        await context.Response.WriteAsync(fault.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
    }

    private static XElement InNamespace(XElement element, XNamespace ns) =>
        new(ns + element.Name.LocalName, element.Attributes(), element.Nodes().Select(n => n is XElement child ? InNamespace(child, ns) : n));

    [GeneratedRegex(@"^CI_(?<ci>[A-Za-z0-9_]+?)_(?<op>C|G|F|UP|UD)\.V1$")]
    private static partial Regex ServiceOperation();
}
