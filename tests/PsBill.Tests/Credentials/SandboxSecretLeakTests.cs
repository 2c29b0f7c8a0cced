using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using PsBill.Connector.Credentials;
using PsBill.Connector.Diagnostics;
using PsBill.Connector.Storage;
using PsBill.Sandbox.Phases;
using PsBill.Sandbox.Report;
using PsBill.Sandbox.World;
using PsBill.Tests.Infrastructure;

namespace PsBill.Tests.Credentials;

/// <summary>
/// Issue 7's end-to-end promise: a whole sandbox cycle (reference data, vendors, bills, payments, webhooks, settlement)
/// with known credentials, every log line at every level, every audit row, the ops API's answers and the report
/// searched for every secret value (and the PeopleSoft Basic token): none may appear.
/// </summary>
public sealed class SandboxSecretLeakTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FullSandboxCycle_KnownSecrets_NoneInLogsAuditRowsOpsAnswersOrReport()
    {
        var logs = new FakeLoggerProvider();
        var settings = new SandboxSettings
        {
            Suppliers = 8, Vouchers = 24,
            StorageConnectionString = azurite.ConnectionString, StoragePrefix = AzuriteFixture.UniquePrefix(),
            // Every category at every level, HTTP request logging included.
            Settings = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:PsBill"] = "Trace", ["Logging:LogLevel:Polly"] = "Trace",
            },
        };
        await using var world = await SandboxWorld.StartAsync(settings, logs);
        using var progressText = new StringWriter();
        var progress = new SandboxProgress(progressText);
        foreach (var phase in SandboxPhases.Default) await phase.RunAsync(new SandboxRun(world, progress));
        var report = await ReportBuilder.BuildAsync(world, progress.Elapsed);

        var store = world.Services.GetRequiredService<ISecretStore>();
        var scrubber = await SecretScrubber.FromStoreAsync(store);
        Assert.Contains(SecretNames.BillPassword, scrubber.SecretNamesKnown);
        Assert.Contains(SecretNames.PeopleSoftPassword, scrubber.SecretNamesKnown);
        Assert.Contains(SecretNames.WebhookSecurityKey, scrubber.SecretNamesKnown);

        var evidence = new List<(string Where, string Text)>();
        var records = logs.Collector.GetSnapshot();
        Assert.True(records.Count > 100, $"expected a real cycle's logs, got {records.Count} lines");
        Assert.Contains(records, r => r.Category?.StartsWith("PsBill.Http", StringComparison.Ordinal) == true);
        foreach (var record in records)
        {
            var state = record.StructuredState is null ? "" : string.Join(";", record.StructuredState.Select(kv => $"{kv.Key}={kv.Value}"));
            evidence.Add(($"log {record.Category}", $"{record.Message} {state} {record.Exception}"));
        }

        var storage = world.Services.GetRequiredService<PsBillStorage>();
        var auditRows = 0;
        await foreach (var row in storage.Table(StorageNames.Tables.Audit).QueryAsync<TableEntity>())
        {
            auditRows++;
            evidence.Add(("audit row", string.Join(";", row.Select(kv => $"{kv.Key}={kv.Value}"))));
        }
        Assert.True(auditRows > 0, "the cycle wrote no audit rows");

        using var http = new HttpClient { BaseAddress = world.Host.BaseAddress };
        http.DefaultRequestHeaders.Add("x-functions-key", await store.GetAsync(SecretNames.AdminKey));
        var runs = await http.GetStringAsync("/api/ops/api/runs");
        evidence.Add(("ops runs", runs));
        var parked = await http.GetStringAsync("/api/ops/api/parked");
        evidence.Add(("ops parked", parked));
        using (var parkedJson = JsonDocument.Parse(parked))
        {
            foreach (var entry in parkedJson.RootElement.EnumerateArray().Take(5))
            {
                var key = entry.GetProperty("key").GetString()!;
                evidence.Add(($"ops item {key}", await http.GetStringAsync("/api/ops/api/items/" + Uri.EscapeDataString(key))));
            }
        }
        evidence.Add(("ops page", await http.GetStringAsync("/api/ops")));
        evidence.Add(("report", ReportBuilder.ToJson(report)));
        evidence.Add(("progress", progressText.ToString()));

        var leaks = new StringBuilder();
        foreach (var (where, text) in evidence)
        {
            foreach (var secret in scrubber.FindSecrets(text)) leaks.AppendLine($"{secret} in {where}");
        }
        Assert.True(leaks.Length == 0, "secrets leaked:\n" + leaks);
    }
}
