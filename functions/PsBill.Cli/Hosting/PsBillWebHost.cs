using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PsBill.Cli.Hosting.Standalone;
using PsBill.Workflows;

namespace PsBill.Cli.Hosting;

/// <summary>The web application <c>psbill run</c> starts from: PsBill's services on the given configuration, and nothing else.</summary>
public static class PsBillWebHost
{
    /// <summary>
    /// A builder whose configuration is the schedule defaults under exactly <paramref name="configuration"/> (so tests and the
    /// sandbox control every setting) and whose services are the caller's (<paramref name="configureServices"/>, run first)
    /// plus <c>AddPsBill</c>.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(IConfiguration configuration, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(ScheduleDefaults.Values);
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        configureServices?.Invoke(builder.Services);
        builder.Services.AddPsBill(builder.Configuration);
        return builder;
    }
}
