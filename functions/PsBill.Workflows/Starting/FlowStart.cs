namespace PsBill.Workflows.Starting;

/// <summary>What a timer tick (or an operator's "run now") did.</summary>
/// <param name="Flow">The flow.</param>
/// <param name="InstanceId">The singleton's instance id.</param>
/// <param name="Started">True when a new orchestration started; false when one was still running (the tick does nothing).</param>
public sealed record FlowStart(string Flow, string InstanceId, bool Started);
