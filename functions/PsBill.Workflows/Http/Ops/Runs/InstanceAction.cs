namespace PsBill.Workflows.Http.Ops.Runs;

/// <summary>What a restart, terminate or purge did.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Outcome">What happened (restarted, terminating, purged ...), or why nothing did.</param>
/// <param name="Status">200 done, 404 no such instance, 409 not in a state that allows it.</param>
public sealed record InstanceAction(string InstanceId, string Outcome, int Status)
{
    /// <summary>Done.</summary>
    public static InstanceAction Done(string instanceId, string outcome) => new(instanceId, outcome, 200);

    /// <summary>No such instance.</summary>
    public static InstanceAction Missing(string instanceId) => new(instanceId, $"No instance {instanceId}.", 404);

    /// <summary>Not in a state that allows it.</summary>
    public static InstanceAction Refused(string instanceId, string why) => new(instanceId, why, 409);
}
