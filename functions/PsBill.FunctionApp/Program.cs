using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PsBill.Workflows;

// The isolated worker: ASP.NET Core integration for the HTTP functions, and PsBill's one composition root. App settings
// reach the worker as environment variables (PsBill__Bill__BaseUrl is PsBill:Bill:BaseUrl).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPsBill(builder.Configuration);
builder.Build().Run();
