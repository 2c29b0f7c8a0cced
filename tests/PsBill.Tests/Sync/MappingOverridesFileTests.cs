using PsBill.Connector.Configuration;
using PsBill.Connector.Sync.ReferenceData;

namespace PsBill.Tests.Sync;

public sealed class MappingOverridesFileTests
{
    [Fact]
    public async Task ReadAsync_HeaderCommentsAndRows_ReadsTheRows()
    {
        var path = await WriteAsync("kind,source,billId\n# legacy suspense goes to misc\naccount,SHARE:679000,0ca-misc\n\nDepartment, SHARE:99900 , 0de-closed\n");

        var overrides = await MappingOverridesFile.ReadAsync(path);

        Assert.Equal([new MappingOverride("account", "SHARE:679000", "0ca-misc", 3), new MappingOverride("department", "SHARE:99900", "0de-closed", 5)], overrides);
    }

    [Fact]
    public async Task ReadAsync_BadLines_FailsNamingEveryLine()
    {
        var path = await WriteAsync("account,SHARE:1\nbogus,SHARE:2,0ca\n");

        var error = await Assert.ThrowsAsync<PsBillConfigurationException>(() => MappingOverridesFile.ReadAsync(path));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("line 1", error.Errors[0].Problem);
        Assert.Contains("line 2", error.Errors[1].Problem);
    }

    [Fact]
    public async Task ReadAsync_NoPath_NoOverrides_MissingFile_Fails()
    {
        Assert.Empty(await MappingOverridesFile.ReadAsync(null));
        await Assert.ThrowsAsync<PsBillConfigurationException>(() => MappingOverridesFile.ReadAsync(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv")));
    }

    private static async Task<string> WriteAsync(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"psbill-overrides-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
