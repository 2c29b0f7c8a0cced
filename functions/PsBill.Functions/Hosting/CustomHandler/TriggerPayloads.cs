using System.Globalization;
using System.Text;
using System.Text.Json;
using PsBill.Functions.Functions;
using PsBill.Functions.Functions.Declarations;

namespace PsBill.Functions.Hosting.CustomHandler;

/// <summary>Reads the trigger payloads of the Functions host into the function classes' types.</summary>
public static class TriggerPayloads
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The timer info in <c>Data.timer</c> (an absent or null value means a plain, on-time tick).</summary>
    public static TimerInfo ReadTimer(InvocationRequest request) =>
        request.Data is not null && request.Data.TryGetValue(TimerTriggerAttribute.BindingName, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.Deserialize<TimerInfo>(Json) ?? new TimerInfo(null, null, false)
            : new TimerInfo(null, null, false);

    /// <summary>
    /// The queue message in <c>Data.message</c> and its <c>Metadata</c>. The host gives the decoded text as a JSON
    /// string; a JSON object (the host parsed a JSON message) is taken as its text, and a string that is still base64
    /// (a host configured without decoding) is decoded.
    /// </summary>
    /// <exception cref="FormatException">There is no message in the payload.</exception>
    public static QueueTriggerMessage ReadQueueMessage(InvocationRequest request)
    {
        if (request.Data is null || !request.Data.TryGetValue(QueueTriggerAttribute.BindingName, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            throw new FormatException($"The invocation has no Data.{QueueTriggerAttribute.BindingName}.");

        var text = value.ValueKind == JsonValueKind.String ? DecodeIfBase64(value.GetString()!) : value.GetRawText();
        var metadata = request.Metadata ?? [];
        return new QueueTriggerMessage(
            text,
            ReadString(metadata, "Id") ?? "",
            long.TryParse(ReadString(metadata, "DequeueCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 1,
            DateTimeOffset.TryParse(ReadString(metadata, "InsertionTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var inserted) ? inserted : null);
    }

    // Metadata values arrive as JSON strings or numbers; some hosts quote strings twice ("\"id\"").
    private static string? ReadString(Dictionary<string, JsonElement> metadata, string name)
    {
        var entry = metadata.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase));
        if (entry.Key is null) return null;
        var text = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : entry.Value.GetRawText();
        return text is { Length: >= 2 } && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;
    }

    private static string DecodeIfBase64(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('[') || trimmed.Length % 4 != 0) return text;
        var buffer = new byte[trimmed.Length];
        if (!Convert.TryFromBase64String(trimmed, buffer, out var written)) return text;
        try
        {
            var decoded = new UTF8Encoding(false, true).GetString(buffer, 0, written);
            return decoded.TrimStart().StartsWith('{') ? decoded : text;
        }
        catch (DecoderFallbackException)
        {
            return text;
        }
    }
}
