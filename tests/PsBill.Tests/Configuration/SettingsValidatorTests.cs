using System.ComponentModel.DataAnnotations;
using PsBill.Connector.Configuration;

namespace PsBill.Tests.Configuration;

public sealed class SettingsValidatorTests
{
    private sealed class SampleOptions
    {
        [Required, AbsoluteUrl]
        public string? BaseUrl { get; set; }

        [Range(1, 10)]
        public int Retries { get; set; } = 3;

        [Ncrontab]
        public string Schedule { get; set; } = "0 */15 * * * *";
    }

    private static readonly SettingsValidator<SampleOptions> Validator = new("PsBill:Sample");

    [Fact]
    public void Check_MissingRequiredSetting_NamesTheAppSettingAsMissing()
    {
        var errors = Validator.Check(new SampleOptions());

        var error = Assert.Single(errors);
        Assert.Equal("Setting PsBill__Sample__BaseUrl is missing", error.ToString());
    }

    [Fact]
    public void Check_ValueThatIsNotAUrl_SaysNotAUrlWithTheValue()
    {
        var errors = Validator.Check(new SampleOptions { BaseUrl = "bill.example" });

        var error = Assert.Single(errors);
        Assert.Equal("PsBill__Sample__BaseUrl", error.Setting);
        Assert.StartsWith("is not a URL", error.Problem);
        Assert.Contains("'bill.example'", error.Problem);
    }

    [Fact]
    public void Check_UnresolvedKeyVaultReference_SaysSoInsteadOfNotAUrl()
    {
        var errors = Validator.Check(new SampleOptions { BaseUrl = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/bill-url/)" });

        var error = Assert.Single(errors);
        Assert.Equal("PsBill__Sample__BaseUrl", error.Setting);
        Assert.Contains("unresolved Key Vault reference", error.Problem);
    }

    [Fact]
    public void Check_OutOfRangeAndBadSchedule_ReportsEveryProblem()
    {
        var errors = Validator.Check(new SampleOptions { BaseUrl = "https://bill.example", Retries = 0, Schedule = "*/5 * * * *" });

        Assert.Equal(["PsBill__Sample__Retries", "PsBill__Sample__Schedule"], errors.Select(e => e.Setting));
        Assert.Contains("between 1 and 10", errors[0].Problem);
        Assert.Contains("NCRONTAB", errors[1].Problem);
    }

    [Fact]
    public void Check_ValidOptions_NoErrors()
    {
        Assert.Empty(Validator.Check(new SampleOptions { BaseUrl = "https://api.bill.com" }));
    }
}
