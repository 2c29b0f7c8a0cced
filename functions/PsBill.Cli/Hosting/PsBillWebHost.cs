using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PsBill.Workflows;

namespace PsBill.Cli.Hosting;

/// <summary>The web application <c>psbill run</c> starts from: PsBill's services on the given configuration, and nothing else.</summary>
public static class PsBillWebHost
{
    // Expected outcomes logged as warnings by the libraries: a 409/412 is how an ETag check or an insert-if-absent says
    // "someone was first", and the Durable storage provider abandons and retries messages as part of its normal work.
    private static readonly Dictionary<string, string?> QuietLogging = new()
    {
        ["Logging:LogLevel:Azure.Core"] = "Error",
        ["Logging:LogLevel:DurableTask.AzureStorage"] = "Error",
        ["Logging:LogLevel:DurableTask.Core"] = "Error",
        // The WebJobs host logs every function start and end; the activities log their own outcome with the record key.
        ["Logging:LogLevel:Function"] = "Warning",
        ["Logging:LogLevel:Host"] = "Warning",
    };

    /// <summary>
    /// A builder whose configuration is the schedule defaults under exactly <paramref name="configuration"/> (so tests and the
    /// sandbox control every setting) and whose services are the caller's (<paramref name="configureServices"/>, run first)
    /// plus <c>AddPsBill</c>.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(IConfiguration configuration, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(ScheduleOptions.Defaults);
        builder.Configuration.AddInMemoryCollection(QuietLogging);
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        configureServices?.Invoke(builder.Services);
        builder.Services.AddPsBill(builder.Configuration);
        return builder;
    }
}
