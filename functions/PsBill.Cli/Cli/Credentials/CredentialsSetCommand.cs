using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PsBill.Connector.Credentials;

namespace PsBill.Cli.Cli.Credentials;

/// <summary><c>psbill credentials set peoplesoft|bill|webhook|admin</c>: reads the set's values (prompt without echo, or
/// one per line from redirected stdin, in the order of <see cref="CredentialSets.SecretsBySet"/>), writes them to the
/// configured store, then runs that set's checks. Exit codes: 0 stored and checked, 1 stored but a check failed,
/// 2 nothing usable was read or the store refused.</summary>
public static class CredentialsSetCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="services">Gives the configured <see cref="ISecretStore"/> and the registered checks; called when the command runs.</param>
    /// <param name="input">Where values come from; null for the console.</param>
    public static Command Create(Func<IServiceProvider> services, ISecretInput? input = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var command = new Command("set", "Store a credential set in the configured secret store and check it");
        foreach (var set in CredentialSets.SecretsBySet.Keys)
        {
            command.Add(CreateForSet(set, services, input));
        }

        return command;
    }

    private static Command CreateForSet(string set, Func<IServiceProvider> services, ISecretInput? input)
    {
        var names = CredentialSets.SecretsBySet[set];
        var order = string.Join(", ", names.Select(SecretLabels.For));
        var command = new Command(set, $"Reads {order} (one per line when stdin is redirected)");
        var noCheck = new Option<bool>("--no-check") { Description = "Store only; do not run the checks" };
        command.Add(noCheck);
        Option<bool>? generate = null;
        if (set == CredentialSets.Admin)
        {
            generate = new Option<bool>("--generate") { Description = "Make a random admin key, store it and print it once" };
            command.Add(generate);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var generated = generate is not null && parseResult.GetValue(generate);
            var values = generated
                ? new Dictionary<string, string> { [SecretNames.AdminKey] = NewAdminKey() }
                : ReadValues(names, input ?? new ConsoleSecretInput(), out var problem) ?? Fail(error, problem);
            if (values.Count == 0) return 2;

            try
            {
                var provider = services();
                var store = provider.GetRequiredService<ISecretStore>();
                if (set == CredentialSets.Webhook) await KeepPreviousWebhookKeyAsync(store, values, cancellationToken);
                foreach (var (name, value) in values)
                {
                    await store.SetAsync(name, value, cancellationToken);
                }

                await output.WriteLineAsync($"Stored {string.Join(", ", values.Keys)}.");
                if (generated) await output.WriteLineAsync($"Admin key (shown once): {values[SecretNames.AdminKey]}");
                if (parseResult.GetValue(noCheck)) return 0;
                var passed = await CredentialCheckRunner.RunAsync(provider, [set], output, cancellationToken);
                if (!passed) await error.WriteLineAsync("The values are stored, but a check failed: fix them and run 'set' again.");
                return passed ? 0 : 1;
            }
            catch (Exception ex) when (ex is SecretStoreWriteException or SecretNotFoundException or OptionsValidationException)
            {
                await error.WriteLineAsync(ex.Message);
                return 2;
            }
        });
        return command;
    }

    private static Dictionary<string, string>? ReadValues(IReadOnlyList<string> names, ISecretInput input, out string problem)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            // Only a line ending is cut: a password may begin or end with a space.
            var value = input.ReadSecret(SecretLabels.For(name))?.TrimEnd('\r', '\n');
            if (value is null)
            {
                problem = $"Input ended before {SecretLabels.For(name)}: expected {names.Count} values, one per line, in this order: "
                    + string.Join(", ", names.Select(SecretLabels.For)) + ".";
                return null;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                problem = $"{SecretLabels.For(name)} is empty; nothing was stored.";
                return null;
            }

            values[name] = value;
        }

        problem = string.Empty;
        return values;
    }

    private static Dictionary<string, string> Fail(TextWriter error, string problem)
    {
        error.WriteLine(problem);
        return [];
    }

    // BILL shows a new subscription's key once; the old one still signs events in flight, so it stays valid as "previous".
    private static async Task KeepPreviousWebhookKeyAsync(
        ISecretStore store, Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var current = await store.TryGetAsync(SecretNames.WebhookSecurityKey, cancellationToken);
        if (current is not null && current != values[SecretNames.WebhookSecurityKey])
            await store.SetAsync(SecretNames.WebhookPreviousSecurityKey, current, cancellationToken);
    }

    private static string NewAdminKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
