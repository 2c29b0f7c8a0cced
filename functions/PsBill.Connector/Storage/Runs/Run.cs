using System.Text.Json.Serialization;
using Azure;

namespace PsBill.Connector.Storage.Runs;

/// <summary>One execution of a function (a poll, a reference-data sync) and what came of it.</summary>
public sealed record Run
{
    /// <summary>The run id, e.g. <c>20261124T073100123Z-PollVouchers-3f9a1c</c>: sortable, readable, unique.</summary>
    public required string Id { get; init; }

    /// <summary>The function that ran.</summary>
    public required string Function { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it finished, if it did.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Running, succeeded or failed.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>What it did so far.</summary>
    public RunCounts Counts { get; init; } = RunCounts.None;

    /// <summary>Why it failed, in plain words.</summary>
    public string? Error { get; init; }

    /// <summary>The row's ETag as read.</summary>
    [JsonIgnore]
    public ETag ETag { get; init; }
}
