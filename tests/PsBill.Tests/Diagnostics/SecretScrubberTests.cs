using System.Text;
using System.Text.Json;
using PsBill.Connector.Credentials;
using PsBill.Connector.Diagnostics;

namespace PsBill.Tests.Diagnostics;

public sealed class SecretScrubberTests
{
    private const string Password = "p&ss\"word/with+odd<chars>";

    [Fact]
    public void FindSecrets_ValueInPlainJsonEscapedOrUrlEncodedForm_NamesTheSecret()
    {
        var scrubber = new SecretScrubber([new(SecretNames.BillPassword, Password)]);

        Assert.Equal([SecretNames.BillPassword], scrubber.FindSecrets($"login with {Password}"));
        Assert.True(scrubber.ContainsSecret(JsonSerializer.Serialize(new { password = Password })));
        Assert.True(scrubber.ContainsSecret("password=" + Uri.EscapeDataString(Password)));
        Assert.True(scrubber.ContainsSecret("<pw>" + System.Net.WebUtility.HtmlEncode(Password) + "</pw>"));
        Assert.Empty(scrubber.FindSecrets("nothing to see here"));
    }

    [Fact]
    public async Task FromStoreAsync_PeopleSoftPair_FindsTheBasicAuthToken()
    {
        var store = new InMemorySecretStore([new(SecretNames.PeopleSoftOperatorId, "VP1-OPRID"), new(SecretNames.PeopleSoftPassword, "ps-password")]);
        var scrubber = await SecretScrubber.FromStoreAsync(store);
        var header = "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("VP1-OPRID:ps-password"));

        Assert.True(scrubber.ContainsSecret(header));
        Assert.DoesNotContain("ps-password", scrubber.Scrub("ps-password"));
    }

    [Fact]
    public void Scrub_SeveralSecrets_MasksEveryOneLongestFirst()
    {
        var scrubber = new SecretScrubber([new("short", "abcd"), new("long", "abcd-efgh")]);

        var scrubbed = scrubber.Scrub("x abcd-efgh y abcd z");

        Assert.Equal("x *** y *** z", scrubbed);
        Assert.False(scrubber.ContainsSecret(scrubbed));
    }

    [Fact]
    public void Add_ValueShorterThanMinimum_IsIgnored()
    {
        var scrubber = new SecretScrubber([new("tiny", "abc")]);

        Assert.Empty(scrubber.SecretNamesKnown);
        Assert.False(scrubber.ContainsSecret("abc"));
    }
}
