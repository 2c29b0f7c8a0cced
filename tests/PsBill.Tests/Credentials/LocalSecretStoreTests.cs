using System.Runtime.Versioning;
using System.Text;
using PsBill.Connector.Credentials;

namespace PsBill.Tests.Credentials;

public sealed class LocalSecretStoreTests : IDisposable
{
    private const string Password = "Pa55-word-that-must-not-be-on-disk";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SetAsync_ThenGetAsyncFromANewInstance_RoundTrips()
    {
        var path = _folder.File("state/credentials.bin");
        await new LocalSecretStore(path).SetAsync(SecretNames.BillPassword, Password);
        await new LocalSecretStore(path).SetAsync(SecretNames.BillUsername, "ap-clerk@example.com");

        var reopened = new LocalSecretStore(path);

        Assert.Equal(Password, await reopened.GetAsync(SecretNames.BillPassword));
        Assert.Equal("ap-clerk@example.com", await reopened.GetAsync(SecretNames.BillUsername));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // Unix modes; on Windows the file inherits the user profile's ACL
    public async Task SetAsync_NewStore_FileIsEncryptedAndOwnerOnly()
    {
        var store = new LocalSecretStore(_folder.File("credentials.bin"));

        await store.SetAsync(SecretNames.PeopleSoftPassword, Password);

        var bytes = await File.ReadAllBytesAsync(store.FilePath);
        Assert.DoesNotContain(Password, Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain(Password, Encoding.Latin1.GetString(bytes));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.FilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.KeyRingPath));
        var keyFiles = Directory.GetFiles(store.KeyRingPath);
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        Assert.False(File.Exists(store.FilePath + ".tmp"));
    }

    [Fact]
    public async Task GetAsync_KeyRingDeleted_ThrowsNamingTheKeyRing()
    {
        var path = _folder.File("credentials.bin");
        var store = new LocalSecretStore(path);
        await store.SetAsync(SecretNames.BillPassword, Password);
        Directory.Delete(store.KeyRingPath, recursive: true);

        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => new LocalSecretStore(path).GetAsync(SecretNames.BillPassword));

        Assert.Equal(SecretNames.BillPassword, ex.SecretName);
        Assert.Contains("key ring", ex.Message);
        Assert.Contains(store.KeyRingPath, ex.Message);
        Assert.DoesNotContain(Password, ex.ToString());
    }

    [Fact]
    public async Task GetAsync_KeyRingReplaced_ThrowsCannotBeDecrypted()
    {
        var path = _folder.File("credentials.bin");
        var store = new LocalSecretStore(path);
        await store.SetAsync(SecretNames.BillPassword, Password);
        var other = new LocalSecretStore(_folder.File("other/credentials.bin"));
        await other.SetAsync(SecretNames.BillPassword, "another machine's value");
        Directory.Delete(store.KeyRingPath, recursive: true);
        Directory.Move(other.KeyRingPath, store.KeyRingPath);

        var reopened = new LocalSecretStore(path);
        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => reopened.GetAsync(SecretNames.BillPassword));
        var tryEx = await Assert.ThrowsAsync<SecretNotFoundException>(() => reopened.TryGetAsync(SecretNames.AdminKey));

        Assert.Contains("cannot be decrypted", ex.Message);
        Assert.Contains("replaced", ex.Message);
        Assert.Contains(SecretNames.AdminKey, tryEx.Message);
    }

    [Fact]
    public async Task SetAsync_KeyRingReplaced_RefusesAndLeavesTheFileAsItWas()
    {
        var path = _folder.File("credentials.bin");
        var store = new LocalSecretStore(path);
        await store.SetAsync(SecretNames.BillPassword, Password);
        var before = await File.ReadAllBytesAsync(path);
        var other = new LocalSecretStore(_folder.File("other/credentials.bin"));
        await other.SetAsync(SecretNames.BillPassword, "x-other-value");
        Directory.Delete(store.KeyRingPath, recursive: true);
        Directory.Move(other.KeyRingPath, store.KeyRingPath);

        var ex = await Assert.ThrowsAsync<SecretStoreWriteException>(() => new LocalSecretStore(path).SetAsync(SecretNames.AdminKey, "new-admin-key"));

        Assert.Equal(SecretNames.AdminKey, ex.SecretName);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task GetAsync_NoFileYet_ThrowsNotFoundAndTryGetReturnsNull()
    {
        var store = new LocalSecretStore(_folder.File("never-written.bin"));

        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => store.GetAsync(SecretNames.BillDeveloperKey));

        Assert.Contains("not in the local store", ex.Message);
        Assert.Null(await store.TryGetAsync(SecretNames.BillDeveloperKey));
        Assert.False(File.Exists(store.FilePath));
    }

    [Fact]
    public async Task SetAsync_ConcurrentWrites_KeepsEverySecret()
    {
        var store = new LocalSecretStore(_folder.File("credentials.bin"));

        await Task.WhenAll(SecretNames.All.Select(name => store.SetAsync(name, "value-of-" + name)));

        var reopened = new LocalSecretStore(store.FilePath);
        foreach (var name in SecretNames.All) Assert.Equal("value-of-" + name, await reopened.GetAsync(name));
    }
}
