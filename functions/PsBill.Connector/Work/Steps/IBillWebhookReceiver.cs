namespace PsBill.Connector.Work.Steps;

/// <summary>The body of BillWebhook: verify <c>x-bill-sha-signature</c> over the raw body, dedup the event, enqueue a settlement item, answer fast.</summary>
public interface IBillWebhookReceiver
{
    /// <summary>Handles one webhook call.</summary>
    Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken = default);
}
