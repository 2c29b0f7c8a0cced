using System.ComponentModel.DataAnnotations;
using PsBill.Connector.Configuration;

namespace PsBill.Functions.Functions;

/// <summary>
/// Timer schedules, NCRONTAB with seconds, in UTC, bound from <c>PsBill:Schedules</c>. Under the Functions host the
/// app settings <c>PsBill__Schedules__*</c> must exist (function.json refers to them); the standalone host falls back
/// to these defaults: polls every 15 minutes, reference data hourly (conservative for PeopleSoft).
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

    /// <summary>The schedule named by a timer trigger.</summary>
    /// <exception cref="ArgumentException">No schedule of that name.</exception>
    public string Get(string scheduleName) =>
        typeof(ScheduleOptions).GetProperty(scheduleName)?.GetValue(this) as string
        ?? throw new ArgumentException($"There is no schedule named {scheduleName} in PsBill:Schedules.", nameof(scheduleName));
}
