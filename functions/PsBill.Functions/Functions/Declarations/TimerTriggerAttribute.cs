using System.Text.Json.Nodes;
using PsBill.Connector.Configuration;

namespace PsBill.Functions.Functions.Declarations;

/// <summary>
/// A timer trigger whose NCRONTAB schedule (six fields, UTC) comes from the app setting
/// <c>PsBill__Schedules__{ScheduleName}</c>: function.json says <c>%PsBill__Schedules__{ScheduleName}%</c>, the standalone
/// host reads the same setting (default in <see cref="ScheduleOptions"/>).
/// </summary>
public sealed class TimerTriggerAttribute(string scheduleName) : TriggerAttribute
{
    /// <summary>The binding name of the timer info in the host's payload.</summary>
    public const string BindingName = "timer";

    /// <summary>The property of <see cref="ScheduleOptions"/> that holds the schedule.</summary>
    public string ScheduleName { get; } = scheduleName;

    /// <summary>The app setting holding the schedule, e.g. <c>PsBill__Schedules__PollVouchers</c>.</summary>
    public string ScheduleSetting => SettingNames.ToAppSetting($"{SettingNames.Section(ScheduleOptions.Section)}:{ScheduleName}");

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Bindings() =>
    [
        new JsonObject
        {
            ["name"] = BindingName,
            ["type"] = "timerTrigger",
            ["direction"] = "in",
            ["schedule"] = $"%{ScheduleSetting}%",
            ["runOnStartup"] = false,
            ["useMonitor"] = true,
        },
    ];
}
