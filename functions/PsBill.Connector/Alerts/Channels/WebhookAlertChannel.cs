using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace PsBill.Connector.Alerts.Channels;

/// <summary>Posts alerts to an incoming webhook: a Teams MessageCard or a Slack <c>{"text"}</c> message.</summary>
public sealed class WebhookAlertChannel(IHttpClientFactory httpClients, IOptions<AlertOptions> options) : IAlertChannel
{
    /// <summary>The named <see cref="HttpClient"/>.</summary>
    public const string HttpClientName = "PsBill.Alerts";

    /// <inheritdoc />
    public string Name => "webhook";

    /// <inheritdoc />
    public async Task SendAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var url = options.Value.WebhookUrl ?? throw new InvalidOperationException("PsBill:Alerts:WebhookUrl is not set.");
        var body = options.Value.WebhookFormat == "Slack" ? Slack(alert) : Teams(alert);
        using var response = await httpClients.CreateClient(HttpClientName).PostAsJsonAsync(url, body, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private static JsonObject Teams(Alert alert)
    {
        var card = new JsonObject
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = alert.Title,
            ["themeColor"] = "D83B01",
            ["title"] = alert.Title,
            ["text"] = alert.Text,
        };
        if (alert.OpsPage is { } ops)
        {
            card["potentialAction"] = new JsonArray(new JsonObject
            {
                ["@type"] = "OpenUri", ["name"] = "Open the PsBill ops page",
                ["targets"] = new JsonArray(new JsonObject { ["os"] = "default", ["uri"] = ops.AbsoluteUri }),
            });
        }
        return card;
    }

    private static JsonObject Slack(Alert alert) => new()
    {
        ["text"] = $"*{alert.Title}*\n{alert.Text}" + (alert.OpsPage is { } ops ? $"\n<{ops.AbsoluteUri}|Open the PsBill ops page>" : ""),
    };
}
