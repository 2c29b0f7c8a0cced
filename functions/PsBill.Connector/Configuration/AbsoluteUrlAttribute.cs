using System.ComponentModel.DataAnnotations;

namespace PsBill.Connector.Configuration;

/// <summary>The value must be an absolute http or https URL. An empty value passes (combine with <see cref="RequiredAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteUrlAttribute : ValidationAttribute
{
    public AbsoluteUrlAttribute() : base("is not a URL (expected an absolute http:// or https:// address)") { }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        Uri uri => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
        string text when text.Length == 0 => true,
        string text => Uri.TryCreate(text, UriKind.Absolute, out var parsed) &&
                       (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps),
        _ => false,
    };
}
