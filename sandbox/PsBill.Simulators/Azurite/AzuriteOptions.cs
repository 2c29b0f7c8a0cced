namespace PsBill.Simulators.Azurite;

/// <summary>How an <see cref="AzuriteProcess"/> is started.</summary>
public sealed record AzuriteOptions
{
    /// <summary>The data folder (<c>--location</c>); null keeps everything in memory, so a stop loses it.
    /// Give one to stop the emulator and start it again on the same data (a storage outage).</summary>
    public string? Location { get; init; }

    /// <summary>The Blob port; 0 takes a free one.</summary>
    public int BlobPort { get; init; }

    /// <summary>The Queue port; 0 takes a free one.</summary>
    public int QueuePort { get; init; }

    /// <summary>The Table port; 0 takes a free one.</summary>
    public int TablePort { get; init; }
}
