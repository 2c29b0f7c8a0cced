using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Alerts;

/// <summary>Where alerts go and when a cause is worth one (<c>PsBill:Alerts</c>). No channel set = alerts are only logged.</summary>
public sealed class AlertOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Alerts";

    /// <summary>An incoming webhook (Teams or Slack). Treat it as a secret-grade URL: a Key Vault reference in Azure.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary><c>Teams</c> (MessageCard) or <c>Slack</c> (<c>{"text": ...}</c>). Default Teams.</summary>
    [RegularExpression("^(Teams|Slack)$", ErrorMessage = "must be Teams or Slack")]
    public string WebhookFormat { get; set; } = "Teams";

    /// <summary>SMTP server for e-mail alerts; no e-mail when empty.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>SMTP port. Default 587.</summary>
    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>Use TLS (STARTTLS) to the SMTP server. Default true.</summary>
    public bool SmtpEnableSsl { get; set; } = true;

    /// <summary>The SMTP user, when the server needs one; its password is the secret <c>alerts-smtp-password</c>.</summary>
    public string? SmtpUser { get; set; }

    /// <summary>The sender address.</summary>
    public string? From { get; set; }

    /// <summary>Recipients, separated by <c>;</c> or <c>,</c>.</summary>
    public string? To { get; set; }

    /// <summary>The same cause is alerted at most once per this interval. Default 1 hour.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The ops page's public URL, linked from every alert (e.g. <c>https://app.azurewebsites.net/api/ops</c>).</summary>
    public Uri? OpsPageUrl { get; set; }

    /// <summary>The longest a flow may go without a successful run before it is "lagging". Defaults: the three polls 1 hour
    /// (they run every 15 minutes), SyncReferenceData 3 hours (hourly).</summary>
    public Dictionary<string, TimeSpan> MaxLag { get; set; } = new(StringComparer.Ordinal)
    {
        ["SyncReferenceData"] = TimeSpan.FromHours(3),
        ["PollSuppliers"] = TimeSpan.FromHours(1),
        ["PollVouchers"] = TimeSpan.FromHours(1),
        ["PollPayments"] = TimeSpan.FromHours(1),
    };

    /// <summary>BILL's hourly call quota per developer key and organization. Default 20,000.</summary>
    [Range(1, int.MaxValue)]
    public int BillHourlyQuota { get; set; } = 20_000;

    /// <summary>Alert when this process has used this share of the hourly quota. Default 0.8.</summary>
    [Range(0.01, 1.0)]
    public double BillQuotaWarningShare { get; set; } = 0.8;
}
