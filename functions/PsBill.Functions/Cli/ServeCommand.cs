using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using PsBill.Connector.Configuration;
using PsBill.Functions.Hosting;
using PsBill.Functions.Hosting.CustomHandler;

namespace PsBill.Functions.Cli;

/// <summary><c>psbill serve [--port N]</c>: the custom handler for the Azure Functions host.</summary>
internal static class ServeCommand
{
    public const string Name = "serve";

    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = $"Port on 127.0.0.1 (default: ${CustomHandlerHost.PortVariable})" };
        var command = new Command(Name, "Serve the Azure Functions custom-handler protocol on 127.0.0.1") { port };
        command.SetAction((parse, cancellationToken) => CommandFailures.RunAsync(async () =>
        {
            var configuration = AppConfiguration.Build();
            var chosen = parse.GetValue(port) ?? PortFromEnvironment();
            await using var app = CustomHandlerHost.Build(configuration, chosen);
            app.Services.ValidatePsBillConfiguration();
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static int PortFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(CustomHandlerHost.PortVariable);
        if (string.IsNullOrWhiteSpace(value))
            throw new PsBillConfigurationException([new SettingError(CustomHandlerHost.PortVariable, "is missing (the Functions host sets it; or pass --port)")]);
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new PsBillConfigurationException([new SettingError(CustomHandlerHost.PortVariable, $"is not a port number: '{value}'")]);
    }
}
