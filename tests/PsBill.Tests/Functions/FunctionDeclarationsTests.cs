using System.Text.Json.Nodes;
using PsBill.Cli.AppRoot;
using PsBill.Cli.Functions;
using PsBill.Cli.Functions.Declarations;

namespace PsBill.Tests.Functions;

public sealed class FunctionDeclarationsTests
{
    private static readonly string[] DesignFunctions = ["BillWebhook", "Ops", "PollPayments", "PollSuppliers", "PollVouchers", "ProcessWork", "SyncReferenceData"];

    [Fact]
    public void Catalog_AppAssembly_HasExactlyTheDesignFunctionsEachWithTheInterfaceOfItsTrigger()
    {
        var catalog = FunctionCatalog.Default;

        Assert.Equal(DesignFunctions, catalog.Functions.Select(f => f.Name));
        foreach (var function in catalog.Functions)
        {
            var expected = function.Trigger switch
            {
                TimerTriggerAttribute => typeof(ITimerFunction),
                QueueTriggerAttribute => typeof(IQueueFunction),
                HttpTriggerAttribute => typeof(IHttpFunction),
                _ => throw new InvalidOperationException(function.Name),
            };
            Assert.True(expected.IsAssignableFrom(function.Type), $"{function.Name} must implement {expected.Name}");
        }
    }

    [Fact]
    public void TimerTriggers_EveryScheduleName_IsAValidDefaultInScheduleOptions()
    {
        var defaults = new ScheduleOptions();
        foreach (var (function, trigger) in FunctionCatalog.Default.WithTrigger<TimerTriggerAttribute>())
        {
            Assert.Equal(function.Name, trigger.ScheduleName);
            Assert.NotNull(NCrontab.CrontabSchedule.TryParse(defaults.Get(trigger.ScheduleName), new NCrontab.CrontabSchedule.ParseOptions { IncludingSeconds = true }));
        }
    }

    [Fact]
    public void Generate_IntoFolder_WritesOneFunctionJsonPerClassMatchingItsDeclaration()
    {
        var directory = Path.Combine(Path.GetTempPath(), "psbill-approot-" + Guid.NewGuid().ToString("N"));
        try
        {
            AppRootGenerator.Generate(directory);

            var folders = Directory.GetDirectories(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);
            Assert.Equal(DesignFunctions, folders);
            foreach (var function in FunctionCatalog.Default.Functions)
            {
                var bindings = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, function.Name, "function.json")))!["bindings"]!.AsArray();
                var trigger = bindings[0]!;
                switch (function.Trigger)
                {
                    case TimerTriggerAttribute timer:
                        Assert.Equal(("timerTrigger", $"%PsBill__Schedules__{function.Name}%"), ((string)trigger["type"]!, (string)trigger["schedule"]!));
                        Assert.Equal(TimerTriggerAttribute.BindingName, (string)trigger["name"]!);
                        Assert.Single(bindings);
                        Assert.Equal(timer.ScheduleSetting, $"PsBill__Schedules__{function.Name}");
                        break;
                    case QueueTriggerAttribute:
                        Assert.Equal(("queueTrigger", "%PsBill__Storage__Prefix%-work", "AzureWebJobsStorage"),
                            ((string)trigger["type"]!, (string)trigger["queueName"]!, (string)trigger["connection"]!));
                        Assert.Single(bindings);
                        break;
                    case HttpTriggerAttribute http:
                        // Forwarding needs exactly one httpTrigger and one http output.
                        Assert.Equal(["httpTrigger", "http"], bindings.Select(b => (string)b!["type"]!));
                        Assert.Equal(http.Route, (string)trigger["route"]!);
                        break;
                }
            }
            Assert.Equal("anonymous", (string)JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "BillWebhook", "function.json")))!["bindings"]![0]!["authLevel"]!);
            Assert.Equal("function", (string)JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "Ops", "function.json")))!["bindings"]![0]!["authLevel"]!);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void HostJson_InRepositoryRoot_IsWhatTheGeneratorWrites()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PsBill.Cli.sln"))) root = root.Parent;
        Assert.NotNull(root);

        var committed = File.ReadAllText(Path.Combine(root.FullName, "host.json"));

        Assert.Equal(AppRootGenerator.Render(HostJson.Create()), committed);
        var host = JsonNode.Parse(committed)!;
        Assert.Equal("PsBill.Cli", (string)host["customHandler"]!["description"]!["defaultExecutablePath"]!);
        Assert.True((bool)host["customHandler"]!["enableForwardingHttpRequest"]!);
        Assert.Equal("base64", (string)host["extensions"]!["queues"]!["messageEncoding"]!);
    }
}
