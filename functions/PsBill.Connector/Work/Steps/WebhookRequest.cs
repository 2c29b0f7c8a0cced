namespace PsBill.Connector.Work.Steps;

/// <summary>A webhook call as it arrived: the raw body bytes (the signature is computed over them) and the headers.</summary>
/// <param name="Body">The body exactly as received.</param>
/// <param name="Headers">Request headers, case-insensitive names.</param>
public sealed record WebhookRequest(ReadOnlyMemory<byte> Body, IReadOnlyDictionary<string, string> Headers);
