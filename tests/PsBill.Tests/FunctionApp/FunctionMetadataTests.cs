using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using PsBill.Workflows;

namespace PsBill.Tests.FunctionApp;

/// <summary>
/// The isolated worker app's function set and bindings, read from the Worker SDK's own generated <c>functions.metadata</c>
/// (not from our attributes): every function, its trigger, schedule setting, route, methods and auth level, and the
/// Durable names the orchestrations call.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly FunctionMetadata Metadata = FunctionMetadata.Load();

    // The Durable functions' trigger types and the names PsBill.Workflows calls them by.
    private static readonly Dictionary<string, IReadOnlyList<string>> DurableNames = new()
    {
        ["orchestrationTrigger"] = FunctionNames.Orchestrators.All,
        ["activityTrigger"] = FunctionNames.Activities.All,
        ["entityTrigger"] = FunctionNames.Entities.All,
    };

    [Fact]
    public void Functions_AllOfThem_AreExactlyTheAppsFunctions()
    {
        string[] expected =
        [
            .. FunctionNames.Flows, FunctionNames.CheckAlerts, FunctionNames.BillWebhook, FunctionNames.Ops, FunctionNames.Health,
            .. FunctionNames.Orchestrators.All, .. FunctionNames.Activities.All, .. FunctionNames.Entities.All,
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Metadata.Functions.Keys.Order(StringComparer.Ordinal));
        // 5 timers, 3 HTTP functions, 8 orchestrators, 10 activities, 2 entities.
        Assert.Equal(28, Metadata.Functions.Count);
    }

    [Fact]
    public void StandaloneHost_RegistersTheSameTimersOrchestratorsActivitiesAndEntityAsTheApp()
    {
        // psbill run declares its WebJobs functions on these classes; the HTTP functions are Kestrel routes there.
        var standalone = PsBill.Cli.Hosting.Standalone.StandaloneFunctionTypes.All
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<Microsoft.Azure.WebJobs.FunctionNameAttribute>()?.Name)
            .OfType<string>()
            .Where(n => n != PsBill.Cli.Hosting.Standalone.Functions.DurableClientFunction.Name)
            .ToHashSet(StringComparer.Ordinal);
        var app = Metadata.Functions.Keys.Where(n => n is not FunctionNames.BillWebhook and not FunctionNames.Ops and not FunctionNames.Health).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(app.Order(StringComparer.Ordinal), standalone.Order(StringComparer.Ordinal));
        foreach (var trigger in DurableNames.Keys)
            Assert.Subset(standalone, Metadata.NamesWithTrigger(trigger).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Functions_Each_RunsInTheIsolatedWorkerFromAFunctionClassOfTheApp()
    {
        var app = typeof(PsBill.FunctionApp.Functions.Http.Ops).Assembly;
        foreach (var (name, function) in Metadata.Functions)
        {
            Assert.Equal("dotnet-isolated", function.GetProperty("language").GetString());
            Assert.Equal(app.GetName().Name + ".dll", function.GetProperty("scriptFile").GetString());

            // The entry point is a method of a class under PsBill.FunctionApp.Functions carrying [Function(name)].
            var entryPoint = function.GetProperty("entryPoint").GetString()!;
            var split = entryPoint.LastIndexOf('.');
            var type = app.GetType(entryPoint[..split], throwOnError: true)!;
            Assert.StartsWith("PsBill.FunctionApp.Functions.", type.FullName, StringComparison.Ordinal);
            var method = Assert.Single(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static), m => m.Name == entryPoint[(split + 1)..]);
            Assert.Equal(name, method.GetCustomAttribute<FunctionAttribute>()?.Name);
        }
    }

    [Theory]
    [InlineData(FunctionNames.SyncReferenceData)]
    [InlineData(FunctionNames.PollSuppliers)]
    [InlineData(FunctionNames.PollVouchers)]
    [InlineData(FunctionNames.PollPayments)]
    public void Timer_EachFlow_HasItsScheduleSettingAndADurableClient(string flow)
    {
        var trigger = Metadata.Trigger(flow);

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal($"%PsBill:Schedules:{flow}%", trigger.GetProperty("schedule").GetString());
        Assert.Equal(["durableClient:In", "timerTrigger:In"], Metadata.BindingShapes(flow));
    }

    [Fact]
    public void Timers_All_AreTheFlowsAndCheckAlerts()
    {
        Assert.Equal(FunctionNames.Flows.Append(FunctionNames.CheckAlerts).Order(StringComparer.Ordinal), Metadata.NamesWithTrigger("timerTrigger"));
    }

    [Fact]
    public void CheckAlerts_Trigger_IsATimerOnItsScheduleSetting()
    {
        var trigger = Metadata.Trigger(FunctionNames.CheckAlerts);

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%PsBill:Schedules:CheckAlerts%", trigger.GetProperty("schedule").GetString());
        Assert.Equal(["timerTrigger:In"], Metadata.BindingShapes(FunctionNames.CheckAlerts));
    }

    [Fact]
    public void Health_Trigger_IsAnonymousGetOnHealth()
    {
        var trigger = Metadata.Trigger(FunctionNames.Health);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("health", trigger.GetProperty("route").GetString());
        Assert.Equal(["get"], Methods(trigger));
        // An availability test sends no key; the answer holds flow names and times only.
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["http:Out", "httpTrigger:In"], Metadata.BindingShapes(FunctionNames.Health));
    }

    [Fact]
    public void BillWebhook_Trigger_IsAnonymousPostOnBillWebhook()
    {
        var trigger = Metadata.Trigger(FunctionNames.BillWebhook);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("bill/webhook", trigger.GetProperty("route").GetString());
        Assert.Equal(["post"], Methods(trigger));
        // BILL sends no function key; the endpoint verifies the signature over the raw body instead.
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["durableClient:In", "http:Out", "httpTrigger:In"], Metadata.BindingShapes(FunctionNames.BillWebhook));
    }

    [Fact]
    public void Ops_Trigger_IsGetAndPostUnderOpsBehindAFunctionKey()
    {
        var trigger = Metadata.Trigger(FunctionNames.Ops);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("ops/{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal(["get", "post"], Methods(trigger));
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["durableClient:In", "http:Out", "httpTrigger:In"], Metadata.BindingShapes(FunctionNames.Ops));
    }

    [Fact]
    public void HttpFunctions_All_AreTheWebhookHealthAndOps()
    {
        Assert.Equal([FunctionNames.BillWebhook, FunctionNames.Health, FunctionNames.Ops], Metadata.NamesWithTrigger("httpTrigger"));
    }

    [Theory]
    [InlineData("orchestrationTrigger")]
    [InlineData("activityTrigger")]
    [InlineData("entityTrigger")]
    public void DurableFunctions_TriggerNames_AreTheNamesTheOrchestrationsCall(string triggerType)
    {
        var names = DurableNames[triggerType];

        Assert.Equal(names.Order(StringComparer.Ordinal), Metadata.NamesWithTrigger(triggerType));
        foreach (var name in names)
            Assert.Equal([triggerType + ":In"], Metadata.BindingShapes(name));
    }

    [Fact]
    public void Orchestrators_EachFlow_HasItsFlowOrchestrator()
    {
        foreach (var flow in FunctionNames.Flows)
            Assert.Equal("orchestrationTrigger", Metadata.Trigger(FunctionNames.Orchestrators.ForFlow(flow)).GetProperty("type").GetString());
    }

    private static IReadOnlyList<string> Methods(JsonElement trigger) =>
        [.. trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order(StringComparer.Ordinal)];
}
