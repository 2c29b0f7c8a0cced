using Azure;

namespace PsBill.Connector.Storage.Checkpoints;

/// <summary>A named high-water mark, e.g. <c>vouchers</c> = the approval time up to which vouchers were read.</summary>
/// <param name="Name">The checkpoint's name.</param>
/// <param name="Value">Its value, as the owning component writes it (an ISO-8601 instant, a page token, ...).</param>
/// <param name="UpdatedAt">When it was last saved (set by the store).</param>
/// <param name="ETag">The ETag as read; default for a checkpoint that was never saved.</param>
public sealed record Checkpoint(string Name, string Value, DateTimeOffset UpdatedAt = default, ETag ETag = default);
