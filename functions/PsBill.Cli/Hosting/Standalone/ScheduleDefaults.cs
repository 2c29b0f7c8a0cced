using PsBill.Workflows;

namespace PsBill.Cli.Hosting.Standalone;

/// <summary>
/// The timer schedules when no setting gives them (<c>PsBill__Schedules__*</c>, six-field NCRONTAB, UTC): polls every
/// 15 minutes, reference data hourly, conservative for PeopleSoft. In Azure the app settings carry them (Bicep).
/// </summary>
public static class ScheduleDefaults
{
    /// <summary>The configuration keys and default values.</summary>
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        [$"PsBill:Schedules:{FunctionNames.SyncReferenceData}"] = "0 5 * * * *",
        [$"PsBill:Schedules:{FunctionNames.PollSuppliers}"] = "0 */15 * * * *",
        [$"PsBill:Schedules:{FunctionNames.PollVouchers}"] = "0 */15 * * * *",
        [$"PsBill:Schedules:{FunctionNames.PollPayments}"] = "0 */15 * * * *",
    };
}
