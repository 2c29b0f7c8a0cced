namespace PsBill.Connector.Diagnostics;

/// <summary>What <see cref="RedactingHttpLoggingHandler"/> writes beyond the one summary line per call.</summary>
public sealed class HttpLoggingRedactionOptions
{
    /// <summary>Log request and response headers at Debug, sensitive ones masked. Default true (headers are cheap).</summary>
    public bool LogHeaders { get; set; } = true;

    /// <summary>Log request and response bodies at Trace, credentials masked. Default false: bodies carry business
    /// data, and reading a response body buffers it; turn on to troubleshoot a mapping.</summary>
    public bool LogBodies { get; set; }

    /// <summary>Longest body text logged, in characters (default 4096); the rest is cut.</summary>
    public int MaxBodyLength { get; set; } = 4096;
}
