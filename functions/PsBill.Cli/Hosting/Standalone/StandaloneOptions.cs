using System.ComponentModel.DataAnnotations;
using PsBill.Connector.Configuration;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>The standalone host (<c>psbill run</c>), bound from <c>PsBill:Standalone</c>.</summary>
public sealed class StandaloneOptions
{
    /// <summary>The configuration section under <c>PsBill</c>.</summary>
    public const string Section = "Standalone";

    /// <summary>Where the HTTP functions listen (<c>PsBill__Standalone__Url</c>; default <c>http://127.0.0.1:7071</c>; port 0 = any free port).</summary>
    [Required, AbsoluteUrl]
    public string Url { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Run the timer functions (<c>PsBill__Standalone__RunTimers</c>; default true; the sandbox and tests start flows themselves).</summary>
    public bool RunTimers { get; set; } = true;

    /// <summary>How long a stop waits for running functions (<c>PsBill__Standalone__ShutdownTimeout</c>; default 30 s).
    /// An activity cut off by the stop runs again later: the ledger makes that safe.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long storage may not answer before <c>psbill run</c> stops with exit code 1 for its supervisor to start it
    /// again (<c>PsBill__Standalone__StorageOutageLimit</c>; default 15 s; 0 turns the watchdog off). Keep it under the
    /// storage SDK's retries (about 20 s): see <see cref="StorageWatchdog"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan StorageOutageLimit { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Serve the ops API without the admin key (<c>PsBill__Standalone__OpsWithoutKey</c>; default false). For a laptop only.</summary>
    public bool OpsWithoutKey { get; set; }
}
