using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace PsBill.Connector.Configuration;

/// <summary>
/// Validates an options class bound from <c>PsBill:{Component}</c> with its DataAnnotations, and words every
/// failure by the app setting an operator must fix (<c>Setting PsBill__Bill__BaseUrl is not a URL ...</c>).
/// String values that are unresolved Key Vault references are reported as such before any other check,
/// because "not a URL" would send the operator to the wrong place.
/// </summary>
public sealed class SettingsValidator<TOptions>(string configurationPath) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => e.ToString()));
    }

    /// <summary>Every problem with <paramref name="options"/>, worded by setting name.</summary>
    public IReadOnlyList<SettingError> Check(TOptions options)
    {
        var errors = new List<SettingError>();
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead) continue;
            var setting = SettingNames.ToAppSetting($"{configurationPath}:{property.Name}");
            var value = property.GetValue(options);
            if (value is string text && KeyVaultReference.IsUnresolved(text))
            {
                errors.Add(new SettingError(setting, KeyVaultReference.Problem));
                continue;
            }

            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = setting };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) is null) continue;
                errors.Add(new SettingError(setting, Describe(attribute, value)));
                break;
            }
        }

        if (options is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(options)))
            {
                var member = result.MemberNames.FirstOrDefault();
                var setting = member is null ? SettingNames.ToAppSetting(configurationPath) : SettingNames.ToAppSetting($"{configurationPath}:{member}");
                errors.Add(new SettingError(setting, result.ErrorMessage ?? "is invalid"));
            }
        }

        return errors;
    }

    private static string Describe(ValidationAttribute attribute, object? value) => attribute switch
    {
        RequiredAttribute => "is missing",
        RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"must be between {range.Minimum} and {range.Maximum} (is {value})"),
        _ when attribute.ErrorMessage is { Length: > 0 } custom => custom,
        AbsoluteUrlAttribute or NcrontabAttribute => attribute.FormatErrorMessage("") + Shown(value),
        _ => attribute.FormatErrorMessage("value"),
    };

    // URLs and schedules are not secrets; showing them saves the operator a trip to the portal.
    private static string Shown(object? value) => value is null ? "" : $": '{value}'";
}
