using System.ComponentModel.DataAnnotations;
using PsBill.Connector.Configuration;

namespace PsBill.Workflows;

/// <summary>
/// Timer schedules, NCRONTAB with seconds, in UTC, bound from <c>PsBill:Schedules</c> and validated at start. The timer
/// triggers of both hosts read them as <c>%PsBill:Schedules:&lt;flow&gt;%</c>; in Azure the app settings
/// <c>PsBill__Schedules__*</c> carry them (Bicep sets them), <c>psbill run</c> falls back to these defaults: polls every
/// 15 minutes, reference data hourly (conservative for PeopleSoft).
/// </summary>
public sealed class ScheduleOptions
{
    /// <summary>The configuration section under <c>PsBill</c>.</summary>
    public const string Section = "Schedules";

    /// <summary>The default poll schedule: every 15 minutes.</summary>
    public const string EveryFifteenMinutes = "0 */15 * * * *";

    /// <summary><c>PsBill__Schedules__SyncReferenceData</c>; default hourly at minute 5.</summary>
    [Required, Ncrontab]
    public string SyncReferenceData { get; set; } = "0 5 * * * *";

    /// <summary><c>PsBill__Schedules__PollSuppliers</c>; default every 15 minutes.</summary>
    [Required, Ncrontab]
    public string PollSuppliers { get; set; } = EveryFifteenMinutes;

    /// <summary><c>PsBill__Schedules__PollVouchers</c>; default every 15 minutes.</summary>
    [Required, Ncrontab]
    public string PollVouchers { get; set; } = EveryFifteenMinutes;

    /// <summary><c>PsBill__Schedules__PollPayments</c>; default every 15 minutes.</summary>
    [Required, Ncrontab]
    public string PollPayments { get; set; } = EveryFifteenMinutes;

    /// <summary><c>PsBill__Schedules__CheckAlerts</c>; default every 5 minutes (an alert is sent once per cause per
    /// <c>PsBill:Alerts:Interval</c> however often this runs).</summary>
    [Required, Ncrontab]
    public string CheckAlerts { get; set; } = "0 */5 * * * *";

    /// <summary>The defaults as configuration keys (<c>PsBill:Schedules:PollVouchers</c>), for a host to put under its settings.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        [$"PsBill:{Section}:{FunctionNames.SyncReferenceData}"] = new ScheduleOptions().SyncReferenceData,
        [$"PsBill:{Section}:{FunctionNames.PollSuppliers}"] = new ScheduleOptions().PollSuppliers,
        [$"PsBill:{Section}:{FunctionNames.PollVouchers}"] = new ScheduleOptions().PollVouchers,
        [$"PsBill:{Section}:{FunctionNames.PollPayments}"] = new ScheduleOptions().PollPayments,
        [$"PsBill:{Section}:{FunctionNames.CheckAlerts}"] = new ScheduleOptions().CheckAlerts,
    };
}
