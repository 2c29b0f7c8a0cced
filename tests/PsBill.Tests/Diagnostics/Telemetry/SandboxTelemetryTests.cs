using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PsBill.Connector.Credentials;
using PsBill.Connector.Diagnostics;
using PsBill.Connector.Diagnostics.Telemetry;
using PsBill.Sandbox.Phases;
using PsBill.Tests.EndToEnd;
using PsBill.Tests.Infrastructure;
using PsBill.Workflows;

namespace PsBill.Tests.Diagnostics.Telemetry;

/// <summary>Issue 13's telemetry promise over a real sandbox cycle: one trace per voucher from the PeopleSoft read to the BILL
/// call, the metrics counted, and no secret in any span attribute, event or metric tag.</summary>
public sealed class SandboxTelemetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SandboxCycle_InMemoryExporter_TraceFromReadToBillAndNoSecretInAnyAttribute()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        // The composition root adds PsBill's telemetry in every host; the test only adds its exporters.
        await using var world = await EndToEndWorld.StartAsync(azurite, suppliers: 8, vouchers: 24, configureServices: services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        });
        await world.RunCycleAsync();
        await new PsBill.Sandbox.Settlement.PaymentSandboxPhase().RunAsync(new SandboxRun(world, new SandboxProgress(TextWriter.Null)));
        world.Services.GetRequiredService<TracerProvider>().ForceFlush();
        world.Services.GetRequiredService<MeterProvider>().ForceFlush();

        List<Activity> collected;
        lock (spans) collected = [.. spans];
        var voucher = world.SendableVouchers().First();
        var bulkTrace = FindBulkTrace(collected, voucher.Key);
        var recordSpan = collected.FirstOrDefault(s => s.OperationName == PsBillTelemetry.Spans.Record
            && (string?)s.GetTagItem(PsBillTelemetry.Tags.RecordKey) == voucher.Key && (string?)s.GetTagItem(PsBillTelemetry.Tags.Step) == "claim"
            && s.TraceId == bulkTrace);
        Assert.NotNull(recordSpan);
        var trace = collected.Where(s => s.TraceId == recordSpan.TraceId).ToList();
        Assert.Contains(trace, s => s.OperationName == PsBillTelemetry.Spans.Poll);
        Assert.Contains(trace, s => s.OperationName == PsBillTelemetry.Spans.PeopleSoftRead
            && ((string?)s.GetTagItem(PsBillTelemetry.Tags.Operation))!.Contains("PSB_APPROVED_VOUCHERS", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.OperationName == PsBillTelemetry.Spans.GateWait);
        Assert.Contains(trace, s => s.OperationName == PsBillTelemetry.Spans.BillCall && (string?)s.GetTagItem(PsBillTelemetry.Tags.Operation) == "POST /v3/bills/bulk"
            && (string?)s.GetTagItem(PsBillTelemetry.Tags.Outcome) == PsBillTelemetry.Outcomes.Ok);
        // The orchestrations' waits for a BillGate slot (the entity lock), once each, not again on replays.
        var slotWaits = collected.Where(s => s.OperationName == PsBillTelemetry.Spans.SlotWait).ToList();
        Assert.NotEmpty(slotWaits);
        Assert.Equal(slotWaits.Count, slotWaits.Select(s => s.SpanId).Distinct().Count());
        Assert.Contains(slotWaits, s => ((string?)s.GetTagItem(PsBillTelemetry.Tags.Instance))!.StartsWith(FunctionNames.PollVouchers, StringComparison.Ordinal));
        Assert.Contains(collected, s => s.OperationName == PsBillTelemetry.Spans.PeopleSoftPost);
        Assert.Contains(collected, s => s.OperationName == PsBillTelemetry.Spans.Settle);

        var names = metrics.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in new[] { "psbill.records.created", "psbill.records.parked", "psbill.bill.calls", "psbill.bill.gate.wait", "psbill.bill.slot.wait", "psbill.peoplesoft.calls" })
            Assert.Contains(name, names);
        Assert.True(Sum(metrics, "psbill.records.created") >= world.SendableVouchers().Count);

        var scrubber = await SecretScrubber.FromStoreAsync(world.Services.GetRequiredService<ISecretStore>());
        Assert.Contains(SecretNames.BillPassword, scrubber.SecretNamesKnown);
        foreach (var span in collected)
        {
            var text = string.Join(";", span.TagObjects.Select(t => $"{t.Key}={Flatten(t.Value)}")
                .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={Flatten(t.Value)}")))
                .Append(span.DisplayName).Append(span.StatusDescription ?? ""));
            Assert.False(scrubber.ContainsSecret(text), $"span {span.OperationName} carries {string.Join(", ", scrubber.FindSecrets(text))}");
        }
        foreach (var metric in metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                    Assert.False(scrubber.ContainsSecret($"{tag.Key}={tag.Value}"), $"metric {metric.Name} tag {tag.Key} carries a secret");
            }
        }
    }

    /// <summary>The trace whose bulk create carried the voucher: its sync span lists the key.</summary>
    private static ActivityTraceId FindBulkTrace(IEnumerable<Activity> spans, string key) =>
        spans.First(s => s.OperationName == PsBillTelemetry.Spans.Sync
            && s.GetTagItem(PsBillTelemetry.Tags.RecordKeys) is string[] keys && keys.Contains(key)).TraceId;

    private static string Flatten(object? value) => value is string[] items ? string.Join(",", items) : value?.ToString() ?? "";

    private static double Sum(IEnumerable<Metric> metrics, string name)
    {
        double total = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints()) total += point.GetSumLong();
        }
        return total;
    }
}
