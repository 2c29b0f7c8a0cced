using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PsBill.Connector.Credentials.Checks;

/// <summary>Registers the remote credential checks that <c>psbill credentials set|check</c> runs.</summary>
public static class CredentialCheckServiceCollectionExtensions
{
    /// <summary>Adds <see cref="PeopleSoftAccessCheck"/>, <see cref="PeopleSoftPreflightCheck"/> and <see cref="BillLoginCheck"/> as <see cref="ICredentialCheck"/>s.
    /// Needs <c>AddPeopleSoftClient</c> and <c>AddBillClient</c> (and <c>AddPsBillCredentials</c>) on the same collection.</summary>
    public static IServiceCollection AddPsBillCredentialChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICredentialCheck, PeopleSoftAccessCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ICredentialCheck, PeopleSoftPreflightCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICredentialCheck, BillLoginCheck>());
        return services;
    }
}
