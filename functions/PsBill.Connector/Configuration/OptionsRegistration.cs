using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PsBill.Connector.Configuration;

/// <summary>One line per options class: bind from <c>PsBill:{Component}</c>, validate with setting-named messages, at start-up.</summary>
public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <c>PsBill:{component}</c> (app settings <c>PsBill__{component}__X</c>),
    /// validates it with <see cref="SettingsValidator{TOptions}"/> and checks it when the host starts
    /// (<c>ValidateOnStart</c>), so a wrong setting stops the app at once with a message naming it.
    /// </summary>
    public static OptionsBuilder<TOptions> AddPsBillOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string component)
        where TOptions : class
    {
        var path = SettingNames.Section(component);
        // TryAddEnumerable: registering twice (AddPsBill called again) must not report every error twice.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(path)));
        return services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(path))
            .ValidateOnStart();
    }

    /// <summary>
    /// Runs every start-up validation registered with <c>ValidateOnStart</c> (the hosts do this themselves; the
    /// CLI commands that do not start a host call it) and turns the failures into one <see cref="PsBillConfigurationException"/>.
    /// </summary>
    public static void ValidatePsBillConfiguration(this IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw new PsBillConfigurationException(ToErrors([ex]));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw new PsBillConfigurationException(ToErrors(ex.InnerExceptions.Cast<OptionsValidationException>()));
        }
    }

    private static List<SettingError> ToErrors(IEnumerable<OptionsValidationException> failures) =>
        failures.SelectMany(f => f.Failures).Select(Parse).ToList();

    // SettingsValidator words failures as "Setting X problem"; anything else keeps its text.
    private static SettingError Parse(string failure)
    {
        const string prefix = "Setting ";
        if (!failure.StartsWith(prefix, StringComparison.Ordinal)) return new SettingError("(options)", failure);
        var rest = failure[prefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? new SettingError(rest, "is invalid") : new SettingError(rest[..space], rest[(space + 1)..]);
    }
}
