namespace PsBill.Workflows.Flows;

/// <summary>How the items of a fan-out ended (items, not keys, except <see cref="Failed"/>, which counts keys).</summary>
public sealed class WorkTally
{
    /// <summary>Items done.</summary>
    public int Done { get; set; }

    /// <summary>Items parked.</summary>
    public int Parked { get; set; }

    /// <summary>"Retry later" rounds taken.</summary>
    public int Retried { get; set; }

    /// <summary>Keys recorded as failed.</summary>
    public int Failed { get; set; }
}
