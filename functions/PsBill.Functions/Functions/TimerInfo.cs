namespace PsBill.Functions.Functions;

/// <summary>The timer payload, in the shape the Functions host sends:
/// <c>{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":..,"Next":..,"LastUpdated":..},"IsPastDue":false}</c>.</summary>
public sealed record TimerInfo(TimerScheduleInfo? Schedule, ScheduleStatus? ScheduleStatus, bool IsPastDue);

/// <summary>The schedule part of the timer payload.</summary>
public sealed record TimerScheduleInfo(bool AdjustForDST);

/// <summary>The last and next occurrences the schedule monitor recorded.</summary>
public sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
