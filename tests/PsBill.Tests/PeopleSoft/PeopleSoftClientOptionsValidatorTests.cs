using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PsBill.Connector.PeopleSoft;

namespace PsBill.Tests.PeopleSoft;

public sealed class PeopleSoftClientOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(Action<PeopleSoftClientOptions> configure)
    {
        var options = new PeopleSoftClientOptions { BaseUrl = new Uri("https://erp.example.com:8443") };
        configure(options);
        return new PeopleSoftClientOptionsValidator().Validate(null, options);
    }

    [Theory]
    [InlineData("https://erp.example.com:8443", true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://erp.example.com", false)]
    [InlineData("ftp://erp.example.com", false)]
    public void Validate_BaseUrl_HttpsRequiredExceptLoopback(string url, bool valid)
    {
        var result = Validate(options => options.BaseUrl = new Uri(url));

        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains("PsBill:PeopleSoft:BaseUrl", result.FailureMessage);
    }

    [Fact]
    public void Validate_NestedSettingOutOfRange_NamesTheSetting()
    {
        var result = Validate(options => options.Resilience.MaxConcurrentCalls = 0);

        Assert.False(result.Succeeded);
        Assert.Contains("PsBill:PeopleSoft:Resilience:MaxConcurrentCalls", result.FailureMessage);
    }

    [Fact]
    public void Validate_Defaults_AreValidAndConservative()
    {
        var options = new PeopleSoftClientOptions { BaseUrl = new Uri("https://erp.example.com") };

        Assert.True(new PeopleSoftClientOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("PSFT_EP", options.Node);
        Assert.Equal(2, options.Resilience.MaxConcurrentCalls);
        Assert.Equal(TimeSpan.FromMinutes(15), options.PollingInterval);
        Assert.Equal(PeopleSoftSoapAuthMode.UsernameToken, options.SoapAuthMode);
    }

    [Fact]
    public void AddPeopleSoftClient_FromConfiguration_BindsEveryLevelAndReplacesPromptLists()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PsBill:PeopleSoft:BaseUrl"] = "https://erp.example.com:8443",
            ["PsBill:PeopleSoft:Node"] = "PSFT_FIN",
            ["PsBill:PeopleSoft:SoapAuthMode"] = "Basic",
            ["PsBill:PeopleSoft:Queries:ApprovedVouchers:Name"] = "ZZ_VCHR_APPROVED",
            ["PsBill:PeopleSoft:Queries:ApprovedVouchers:AfterKeyPrompts"] = "BU,VCHR",
            ["PsBill:PeopleSoft:ComponentInterfaces:VoucherPayment:ReferenceField"] = "PYMNT_REF_ID",
            ["PsBill:PeopleSoft:Resilience:MaxConcurrentCalls"] = "3",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddPeopleSoftClient(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<PeopleSoftClientOptions>>().Value;

        Assert.Equal(("PSFT_FIN", PeopleSoftSoapAuthMode.Basic), (options.Node, options.SoapAuthMode));
        Assert.Equal("ZZ_VCHR_APPROVED", options.Queries.ApprovedVouchers.Name);
        Assert.Equal(["BU", "VCHR"], options.Queries.ApprovedVouchers.AfterKeyPromptList);
        Assert.Equal("PYMNT_REF_ID", options.ComponentInterfaces.VoucherPayment.ReferenceField);
        Assert.Equal(3, options.Resilience.MaxConcurrentCalls);
    }

    [Fact]
    public void AddPeopleSoftClient_PlainHttpToARemoteHost_FailsWhenOptionsAreRead()
    {
        using var services = new ServiceCollection().AddLogging()
            .AddPeopleSoftClient(options => options.BaseUrl = new Uri("http://erp.example.com")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PeopleSoftClientOptions>>().Value);

        Assert.Contains("https", error.Message);
    }
}
