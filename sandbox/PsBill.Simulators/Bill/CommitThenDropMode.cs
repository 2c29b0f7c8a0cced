namespace PsBill.Simulators.Bill;

/// <summary>How a create that was committed loses its answer.</summary>
public enum CommitThenDropMode
{
    /// <summary>The connection is reset before the answer is written.</summary>
    Abort,
    /// <summary>A 500 with an error array is sent instead of the created object.</summary>
    ServerError,
}
