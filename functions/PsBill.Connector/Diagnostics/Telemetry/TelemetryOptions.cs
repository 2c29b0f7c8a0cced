namespace PsBill.Connector.Diagnostics.Telemetry;

/// <summary>Where PsBill's traces and metrics go (<c>PsBill:Telemetry</c>). Application Insights is chosen by the platform's own
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> setting, not here.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Telemetry";

    /// <summary>An OTLP collector (e.g. <c>http://127.0.0.1:4317</c>, gRPC); no OTLP export when empty.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Write spans and metrics to the console (local diagnosis). Default false.</summary>
    public bool Console { get; set; }
}
