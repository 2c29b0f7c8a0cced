using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Connector.Settlement.Webhooks;
using PsBill.Cli.Cli.Settlements;

namespace PsBill.Cli.Cli.Webhooks;

/// <summary><c>psbill bill webhook subscribe --url URL</c>: creates or finds the payment webhook subscription and keeps its
/// security key in the secret store.</summary>
internal static class WebhookCommand
{
    /// <summary>Adds <c>webhook</c> under the root's <c>bill</c> command (created when no other component made it).</summary>
    public static void AddTo(RootCommand root)
    {
        var bill = root.Subcommands.FirstOrDefault(c => c.Name == "bill");
        if (bill is null)
        {
            bill = new Command("bill", "BILL: webhook subscription");
            root.Subcommands.Add(bill);
        }
        bill.Subcommands.Add(Create());
    }

    public static Command Create()
    {
        var webhook = new Command("webhook", "BILL webhook subscription for payments");
        // System.CommandLine has no built-in Uri parser ("Cannot parse argument ... as System.Uri"): parse it here, and say
        // what a good value looks like.
        var url = new Option<Uri>("--url")
        {
            Description = "Where BILL sends payment.updated and payment.failed, e.g. https://<app>.azurewebsites.net/api/bill/webhook",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback)))
                    return parsed;
                result.AddError($"--url '{text}' is not an absolute https URL (plain http only to a loopback address), e.g. https://<app>.azurewebsites.net/api/bill/webhook");
                return null;
            },
        };
        var subscribe = new Command("subscribe", "Create (or find) the subscription and store its security key") { url };
        subscribe.SetAction((parse, token) => SettlementCommandServices.RunAsync(async services =>
        {
            var target = parse.GetRequiredValue(url);
            var result = await services.GetRequiredService<WebhookSubscriber>().SubscribeAsync(target, token).ConfigureAwait(false);
            // Never print the key itself: only where it went.
            Console.WriteLine(result.Created
                ? $"Created subscription {result.SubscriptionId} for {target}; its security key is in the secret store."
                : result.KeyStored
                    ? $"Found subscription {result.SubscriptionId} for {target}; its key was rotated and stored (the store had none)."
                    : $"Found subscription {result.SubscriptionId} for {target}; the secret store already holds its key.");
            return 0;
        }));
        webhook.Subcommands.Add(subscribe);
        return webhook;
    }
}
