using System.ComponentModel.DataAnnotations;
using NCrontab;

namespace PsBill.Connector.Configuration;

/// <summary>The value must be an NCRONTAB expression with seconds (six fields, as the Functions timer trigger
/// takes them), e.g. <c>0 */15 * * * *</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NcrontabAttribute : ValidationAttribute
{
    public NcrontabAttribute() : base("is not an NCRONTAB schedule with six fields (seconds first), e.g. '0 */15 * * * *'") { }

    public override bool IsValid(object? value) =>
        value is not string text || text.Length == 0 ||
        CrontabSchedule.TryParse(text, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not null;
}
