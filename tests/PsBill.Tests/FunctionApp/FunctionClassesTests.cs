using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PsBill.Workflows;

namespace PsBill.Tests.FunctionApp;

/// <summary>
/// The worker creates a function class per invocation from the app's services (constructor injection): every class of
/// PsBill.FunctionApp can be built from what <see cref="PsBillServiceCollectionExtensions.AddPsBill"/> registers, with the
/// configuration the app starts with when PeopleSoft and BILL are not configured yet. Nothing here talks to storage.
/// </summary>
public sealed class FunctionClassesTests
{
    private static readonly Assembly App = typeof(PsBill.FunctionApp.Functions.Http.Ops).Assembly;

    public static TheoryData<string> FunctionClasses() => [.. ClassNames()];

    [Fact]
    public void FunctionClasses_All_AreUnderFunctionsWithOneFunctionEach()
    {
        var classes = ClassNames();

        Assert.Equal(28, classes.Count);
        Assert.All(classes, name => Assert.StartsWith("PsBill.FunctionApp.Functions.", name, StringComparison.Ordinal));
        Assert.All(classes, name => Assert.Single(App.GetType(name)!.GetMethods(), m => m.GetCustomAttribute<FunctionAttribute>() is not null));
    }

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public async Task FunctionClass_FromTheCompositionRoot_IsCreated(string typeName)
    {
        var type = App.GetType(typeName, throwOnError: true)!;
        if (type.IsAbstract && type.IsSealed) return; // static: nothing to construct (orchestrators, the entity)

        await using var provider = Services().BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        Assert.IsType(type, ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
    }

    [Theory]
    [InlineData(typeof(PsBill.Workflows.Gate.BillGate))]
    [InlineData(typeof(PsBill.Workflows.Settling.SettlementQueue))]
    public async Task EntityClass_FromTheCompositionRoot_IsCreated(Type type)
    {
        // TaskEntityDispatcher.DispatchAsync<T>() builds the entity from the app's services (the queue takes the TimeProvider).
        await using var provider = Services().BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        Assert.IsType(type, ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type));
    }

    private static List<string> ClassNames() =>
        [.. App.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)];

    private static ServiceCollection Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["PsBill:Credentials:Store"] = "Memory",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPsBill(configuration);
        return services;
    }
}
