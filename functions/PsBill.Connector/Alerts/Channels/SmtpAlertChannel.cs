using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using PsBill.Connector.Credentials;

namespace PsBill.Connector.Alerts.Channels;

/// <summary>Sends alerts as plain-text e-mail over SMTP (System.Net.Mail: enough for a few alerts an hour).</summary>
public sealed class SmtpAlertChannel(IOptions<AlertOptions> options, ISecretStore secrets) : IAlertChannel
{
    /// <summary>The secret holding the SMTP password, when <see cref="AlertOptions.SmtpUser"/> is set.</summary>
    public const string PasswordSecret = "alerts-smtp-password";

    /// <inheritdoc />
    public string Name => "email";

    /// <inheritdoc />
    public async Task SendAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var o = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(o.From ?? throw new InvalidOperationException("PsBill:Alerts:From is required for e-mail alerts.")),
            Subject = "[PsBill] " + alert.Title,
            Body = alert.Text + (alert.OpsPage is { } ops ? $"\n\nOps page: {ops.AbsoluteUri}" : ""),
        };
        foreach (var to in (o.To ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) message.To.Add(to);
        if (message.To.Count == 0) throw new InvalidOperationException("PsBill:Alerts:To names no recipient.");
        using var client = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.SmtpEnableSsl };
        if (o.SmtpUser is { Length: > 0 } user)
            client.Credentials = new NetworkCredential(user, await secrets.GetAsync(PasswordSecret, cancellationToken).ConfigureAwait(false));
        await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
