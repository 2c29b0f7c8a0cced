using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.PeopleSoft;

/// <summary>
/// How the connector reaches one customer's PeopleSoft: bound from <c>PsBill:PeopleSoft</c>
/// (app settings <c>PsBill__PeopleSoft__BaseUrl</c>, ...). OPRID and password are not here: they are the secrets
/// <see cref="Credentials.SecretNames.PeopleSoftOperatorId"/> and <see cref="Credentials.SecretNames.PeopleSoftPassword"/>.
/// </summary>
public sealed class PeopleSoftClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "PsBill:PeopleSoft";

    /// <summary>The customer's PeopleSoft web server, e.g. <c>https://erp.example.com:8443</c>. HTTPS is required;
    /// plain HTTP is accepted only for a loopback host (the sandbox and tests).</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>The Integration Broker node in the REST and SOAP URLs. Default <c>PSFT_EP</c> (Financials' local node).</summary>
    [Required, RegularExpression("^[A-Za-z0-9_]+$", ErrorMessage = "PsBill:PeopleSoft:Node must be a PeopleSoft node name (letters, digits, underscore).")]
    public string Node { get; set; } = "PSFT_EP";

    /// <summary>How SOAP calls authenticate: WS-Security UsernameToken in the header (default) or HTTP Basic.</summary>
    public PeopleSoftSoapAuthMode SoapAuthMode { get; set; } = PeopleSoftSoapAuthMode.UsernameToken;

    /// <summary>The Query Access Service queries the reader runs, with their prompt names.</summary>
    [Required]
    public PeopleSoftQueryNames Queries { get; set; } = new();

    /// <summary>The Component Interfaces the writer calls, with their field maps.</summary>
    [Required]
    public PeopleSoftComponentInterfaceNames ComponentInterfaces { get; set; } = new();

    /// <summary>Retry, timeout and concurrency settings for every call to PeopleSoft.</summary>
    [Required]
    public PeopleSoftResilienceOptions Resilience { get; set; } = new();

    /// <summary>How often the poll functions read PeopleSoft for changes. Default 15 minutes: PeopleSoft is a
    /// shared production ERP, so the connector stays a quiet guest.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "PsBill:PeopleSoft:PollingInterval must be between 1 minute and 1 day.")]
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Where a first incremental read starts when no checkpoint exists yet. Default 1900-01-01 (everything).</summary>
    public DateTime InitialChangedSince { get; set; } = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>How a "changed since" prompt value is written. Default <c>yyyy-MM-dd-HH.mm.ss.ffffff</c>, PeopleSoft's own
    /// datetime text (what <c>TO_CHAR(..., 'YYYY-MM-DD-HH24.MI.SS.FF')</c> gives).</summary>
    [Required]
    public string DateTimePromptFormat { get; set; } = "yyyy-MM-dd-HH.mm.ss.ffffff";
}
