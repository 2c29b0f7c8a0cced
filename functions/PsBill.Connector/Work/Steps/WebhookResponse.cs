namespace PsBill.Connector.Work.Steps;

/// <summary>The answer to a webhook call.</summary>
/// <param name="StatusCode">HTTP status (200 when accepted, 401 on a bad signature, ...).</param>
/// <param name="Body">Optional plain-text body.</param>
public sealed record WebhookResponse(int StatusCode, string? Body = null);
