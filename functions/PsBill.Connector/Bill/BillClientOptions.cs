using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Bill;

/// <summary>
/// Settings of the BILL v3 client, bound from the configuration section <c>PsBill:Bill</c>
/// (app settings <c>PsBill__Bill__BaseUrl</c>, ...). Credentials are not here: they come from
/// <see cref="Credentials.ISecretStore"/> by the names in <see cref="Credentials.SecretNames"/>.
/// </summary>
public sealed class BillClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "PsBill:Bill";

    /// <summary>The API base URL ending in <c>/connect</c>, e.g. <c>https://gateway.stage.bill.com/connect</c>. Required.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>The webhook management base URL ending in <c>/connect-events</c>, e.g.
    /// <c>https://gateway.stage.bill.com/connect-events</c>. Required.</summary>
    [Required]
    public Uri? EventsBaseUrl { get; set; }

    /// <summary>How long one HTTP attempt may take before it counts as a timeout. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after <c>BDC_1322</c> (too many concurrent calls). Default 8.</summary>
    [Range(0, 50)]
    public int RateLimitMaxRetries { get; set; } = 8;

    /// <summary>First backoff after <c>BDC_1322</c>; doubles each retry (BILL recommends 2^retry seconds), with jitter. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RateLimitBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries after a 5xx, timeout or network failure on calls that are safe to repeat. Default 3.</summary>
    [Range(0, 20)]
    public int TransientMaxRetries { get; set; } = 3;

    /// <summary>First backoff after a transient failure; doubles each retry, with jitter. Default 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan TransientBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many times a call waits for the next hour after <c>BDC_1144</c> before giving up. Default 2.</summary>
    [Range(0, 24)]
    public int HourlyQuotaMaxWaits { get; set; } = 2;

    /// <summary>Added after the top of the hour before retrying a <c>BDC_1144</c>, so the retry lands in the new hour
    /// even with a little clock skew. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan HourlyQuotaMargin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Logins this process allows itself per rolling hour. BILL allows 200 per developer key per hour for all
    /// instances together; normal running needs one per instance per 35 idle minutes. Default 20.</summary>
    [Range(1, 200)]
    public int MaxLoginsPerHour { get; set; } = 20;
}
