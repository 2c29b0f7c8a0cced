using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PsBill.Workflows;

// The isolated worker: ASP.NET Core integration for the HTTP functions, and PsBill's one composition root. App settings
// reach the worker as environment variables (PsBill__Bill__BaseUrl is PsBill:Bill:BaseUrl).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPsBill(builder.Configuration);
// PsBill's spans and metrics go out through AddPsBill's exporters (Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is
// set); this adds the Functions resource and ties the worker's spans to the host's trace (host.json telemetryMode).
builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
builder.Build().Run();
