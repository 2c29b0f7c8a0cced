using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Cli.Hosting.Security;
using PsBill.Connector.Credentials;
using PsBill.Workflows;
using PsBill.Workflows.Replay;

namespace PsBill.Cli.Cli;

/// <summary>
/// <c>psbill replay ITEM... | --run RUN | --parked | --failed [--url URL]</c>: asks the running host (its ops API) to start a
/// Replay orchestration for those ledger keys. The host owns the Durable client, so the CLI is its client, as the ops page
/// is; the ledger keeps a replay from creating or posting anything twice. The admin key comes from the secret store
/// (<c>psbill-admin-key</c>), or from <c>PSBILL_OPS_KEY</c> (a Functions key, against the app in Azure).
/// </summary>
internal static class ReplayCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var items = new Argument<string[]>("items") { Description = "Item keys, e.g. voucher:US001:00012345 supplier:SHARE:0000000042", Arity = ArgumentArity.ZeroOrMore };
        var run = new Option<string?>("--run") { Description = "Replay every item of this run (its id from 'psbill ops runs')" };
        var parked = new Option<bool>("--parked") { Description = "Replay every parked item" };
        var failed = new Option<bool>("--failed") { Description = "Replay every item that failed after every retry" };
        var url = new Option<string?>("--url") { Description = "The host's base URL (default PsBill:Standalone:Url, http://127.0.0.1:7071)" };
        var command = new Command("replay", "Run items again through a Replay orchestration (nothing is created or posted twice)") { items, run, parked, failed, url };
        command.SetAction((parse, token) => CommandFailures.RunAsync(async () =>
        {
            var keys = parse.GetValue(items) ?? [];
            var request = new ReplayRequest(keys.Length > 0 ? keys : null, parse.GetValue(run), parse.GetValue(parked), parse.GetValue(failed));
            if (request.Problem is { } problem)
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
                return 1;
            }

            var configuration = AppConfiguration.Build();
            var baseUrl = parse.GetValue(url) ?? configuration["PsBill:Standalone:Url"] ?? "http://127.0.0.1:7071";
            var key = Environment.GetEnvironmentVariable("PSBILL_OPS_KEY") ?? await StoredAdminKeyAsync(configuration, token).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/") };
            using var message = new HttpRequestMessage(HttpMethod.Post, "api/ops/api/replay") { Content = JsonContent.Create(request, options: Json) };
            message.Headers.Add(AdminKeyVerifier.AdminKeyHeader, key);
            using var response = await http.SendAsync(message, token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"The host at {baseUrl} answered {(int)response.StatusCode}: {body}").ConfigureAwait(false);
                return 1;
            }
            var result = JsonSerializer.Deserialize<ReplayStart>(body, Json)!;
            Console.WriteLine(JsonSerializer.Serialize(result, Json));
            return result.Unknown.Count == 0 ? 0 : 1;
        }));
        return command;
    }

    private static async Task<string> StoredAdminKeyAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        await using var provider = new ServiceCollection().AddLogging().AddPsBillCredentials(configuration).BuildServiceProvider();
        return await provider.GetRequiredService<ISecretStore>().GetAsync(SecretNames.AdminKey, cancellationToken).ConfigureAwait(false);
    }
}
