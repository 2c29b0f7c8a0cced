using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PsBill.Connector.Diagnostics;

/// <summary>Masks credentials in what is about to be logged: sensitive headers, query parameters, and fields in JSON,
/// form and SOAP/XML bodies. It works by name (it does not need to know the values), so it also catches a session id
/// that BILL has just issued. <see cref="SecretScrubber"/> is the value-based safety net.</summary>
public sealed class SensitiveDataRedactor
{
    /// <summary>What a redacted value is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Headers that carry credentials: PeopleSoft Basic auth, BILL's <c>devKey</c>/<c>sessionId</c>, the
    /// Functions and admin keys, cookies.</summary>
    public static readonly IReadOnlyCollection<string> DefaultHeaderNames =
        ["Authorization", "Proxy-Authorization", "devKey", "sessionId", "x-functions-key", "x-psbill-admin-key", "Cookie", "Set-Cookie"];

    /// <summary>Body fields and query parameters that carry credentials: BILL's login (<c>username</c>, <c>password</c>,
    /// <c>organizationId</c>, <c>devKey</c>: all four are kept as secrets), its <c>sessionId</c>, a webhook subscription's
    /// <c>securityKey</c>; in SOAP, WS-Security's <c>wsse:Password</c> and <c>wsse:Username</c> (the PeopleSoft OPRID).</summary>
    public static readonly IReadOnlyCollection<string> DefaultFieldNames =
        ["password", "devKey", "sessionId", "securityKey", "username", "organizationId"];

    private readonly HashSet<string> _headerNames;
    private readonly HashSet<string> _fieldNames;
    private readonly Regex _jsonFallback;
    private readonly Regex _formField;
    private readonly Regex _xmlElement;

    /// <summary>A redactor for <see cref="DefaultHeaderNames"/> and <see cref="DefaultFieldNames"/>.</summary>
    public static SensitiveDataRedactor Default { get; } = new();

    /// <param name="headerNames">Header names to mask (case-insensitive); null for <see cref="DefaultHeaderNames"/>.</param>
    /// <param name="fieldNames">Body field, XML element and query parameter names to mask (case-insensitive, any XML
    /// prefix); null for <see cref="DefaultFieldNames"/>.</param>
    public SensitiveDataRedactor(IEnumerable<string>? headerNames = null, IEnumerable<string>? fieldNames = null)
    {
        _headerNames = new HashSet<string>(headerNames ?? DefaultHeaderNames, StringComparer.OrdinalIgnoreCase);
        _fieldNames = new HashSet<string>(fieldNames ?? DefaultFieldNames, StringComparer.OrdinalIgnoreCase);
        var names = string.Join('|', _fieldNames.Select(Regex.Escape));
        const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline;
        _jsonFallback = new Regex($"(\"(?:{names})\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}}\\]\\s]+)", Options);
        _formField = new Regex($"(^|[&?])((?:{names})=)[^&]*", Options);
        _xmlElement = new Regex($"(<((?:[\\w.-]+:)?(?:{names}))\\b[^>]*>)(.*?)(</\\2\\s*>|$)", Options);
    }

    /// <summary>True when the header carries a credential.</summary>
    public bool IsSensitiveHeader(string name) => _headerNames.Contains(name);

    /// <summary>True when a body field or query parameter of this name carries a credential.</summary>
    public bool IsSensitiveField(string name) => _fieldNames.Contains(name);

    /// <summary>The header value as it may be logged: masked when sensitive (an <c>Authorization</c> scheme such as
    /// <c>Basic</c> is kept, it tells which auth was used).</summary>
    public string RedactHeader(string name, string value)
    {
        if (!IsSensitiveHeader(name)) return value;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return name.EndsWith("Authorization", StringComparison.OrdinalIgnoreCase) && space > 0
            ? $"{value[..space]} {Mask}"
            : Mask;
    }

    /// <summary>The address as it may be logged: sensitive query parameters and any user-info part masked.</summary>
    public string RedactUrl(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri) return _formField.Replace(uri.OriginalString, $"$1$2{Mask}");
        var builder = new UriBuilder(uri);
        if (!string.IsNullOrEmpty(builder.UserName) || !string.IsNullOrEmpty(builder.Password))
        {
            builder.UserName = Mask;
            builder.Password = string.Empty;
        }

        var text = builder.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
        if (string.IsNullOrEmpty(uri.Query)) return text;
        var queryStart = text.IndexOf('?', StringComparison.Ordinal);
        return text[..queryStart] + _formField.Replace(text[queryStart..], $"$1$2{Mask}");
    }

    /// <summary>The body as it may be logged. JSON is parsed and every sensitive property masked wherever it is nested
    /// (text that only looks like JSON is masked by pattern); form bodies and XML/SOAP by field and element name.</summary>
    /// <param name="body">The body text.</param>
    /// <param name="mediaType">The content type, e.g. <c>application/json</c>; when null the body's first character decides.</param>
    public string RedactBody(string body, string? mediaType = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0) return body;
        var trimmed = body.TrimStart();
        var kind = mediaType?.ToLowerInvariant() switch
        {
            { } m when m.Contains("json", StringComparison.Ordinal) => BodyKind.Json,
            { } m when m.Contains("xml", StringComparison.Ordinal) => BodyKind.Xml,
            { } m when m.Contains("x-www-form-urlencoded", StringComparison.Ordinal) => BodyKind.Form,
            _ when trimmed.StartsWith('{') || trimmed.StartsWith('[') => BodyKind.Json,
            _ when trimmed.StartsWith('<') => BodyKind.Xml,
            _ => BodyKind.Unknown,
        };
        return kind switch
        {
            BodyKind.Json => RedactJson(body),
            BodyKind.Xml => RedactXml(body),
            BodyKind.Form => _formField.Replace(body, $"$1$2{Mask}"),
            // Unknown text: apply every pattern, a credential is masked whatever the shape.
            _ => RedactXml(_formField.Replace(_jsonFallback.Replace(body, $"$1\"{Mask}\""), $"$1$2{Mask}")),
        };
    }

    private string RedactJson(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            if (node is null) return body;
            MaskFields(node);
            return node.ToJsonString();
        }
        catch (JsonException)
        {
            // Truncated or not really JSON: mask by pattern instead.
            return _jsonFallback.Replace(body, $"$1\"{Mask}\"");
        }
    }

    private string RedactXml(string body) => _xmlElement.Replace(body, m => m.Groups[1].Value + Mask + m.Groups[4].Value);

    private void MaskFields(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsSensitiveField(name)) obj[name] = Mask;
                    else if (obj[name] is { } child) MaskFields(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null) MaskFields(item);
                }

                break;
        }
    }

    private enum BodyKind
    {
        Unknown,
        Json,
        Xml,
        Form,
    }
}
