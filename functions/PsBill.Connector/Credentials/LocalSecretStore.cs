using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PsBill.Connector.Credentials;

/// <summary>Secrets in one file encrypted with ASP.NET Core Data Protection, for the sandbox, a laptop or a container
/// without Key Vault. The key ring lives in the folder <c>&lt;file&gt;.keys</c> beside the file; on Unix the file is
/// mode 600 and the key ring folder 700 (owner only). Without its key ring the file cannot be read: the error says so.
/// Every read decrypts the file again, so a <c>psbill credentials set</c> is seen at once.</summary>
public sealed partial class LocalSecretStore : ISecretStore
{
    /// <summary>The Data Protection purpose: a file protected for another purpose does not decrypt here.</summary>
    private const string ProtectorPurpose = "PsBill.Credentials.LocalSecretStore.v1";

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lazy<IDataProtector> _protector;
    private readonly ILogger _logger;

    /// <param name="filePath">The encrypted file; created (with its folder and key ring) on the first write.</param>
    /// <param name="logger">Logs secret names and outcomes, never values.</param>
    public LocalSecretStore(string filePath, ILogger<LocalSecretStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        FilePath = Path.GetFullPath(filePath);
        KeyRingPath = FilePath + ".keys";
        _logger = logger ?? NullLogger<LocalSecretStore>.Instance;
        _protector = new Lazy<IDataProtector>(CreateProtector);
    }

    /// <summary>The encrypted file.</summary>
    public string FilePath { get; }

    /// <summary>The Data Protection key ring folder beside the file.</summary>
    public string KeyRingPath { get; }

    /// <inheritdoc />
    public async Task<string> GetAsync(string name, CancellationToken cancellationToken = default) =>
        await TryGetAsync(name, cancellationToken).ConfigureAwait(false)
        ?? throw new SecretNotFoundException(name, $"it is not in the local store {FilePath} (set it with 'psbill credentials set').");

    /// <inheritdoc />
    /// <exception cref="SecretNotFoundException">The file exists but cannot be decrypted (key ring missing or replaced).</exception>
    public async Task<string?> TryGetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secrets = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        if (secrets.Outcome is { } problem) throw new SecretNotFoundException(name, problem.Reason, problem.Inner);
        return secrets.Values.TryGetValue(name, out var value) ? value : null;
    }

    /// <inheritdoc />
    /// <exception cref="SecretStoreWriteException">The existing file cannot be decrypted: it is not overwritten, so no
    /// other secret is lost by accident. Move it away (or restore its key ring) first.</exception>
    public async Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var secrets = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
            if (secrets.Outcome is { } problem) throw new SecretStoreWriteException(name, problem.Reason, problem.Inner);
            var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (existingName, existingValue) in secrets.Values) values[existingName] = existingValue;
            values[name] = value;
            await WriteAllAsync(values, cancellationToken).ConfigureAwait(false);
            LogSecretWritten(name, FilePath);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<StoreContent> ReadAllAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath)) return StoreContent.Empty;
        if (!Directory.Exists(KeyRingPath))
        {
            return StoreContent.Unreadable(
                $"the local store {FilePath} exists but its key ring folder {KeyRingPath} is missing, so it cannot be decrypted. "
                + "Restore the key ring, or delete the file and set the credentials again.");
        }

        var protectedBytes = await File.ReadAllBytesAsync(FilePath, cancellationToken).ConfigureAwait(false);
        try
        {
            var json = _protector.Value.Unprotect(protectedBytes);
            return new StoreContent(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [], null);
        }
        catch (CryptographicException ex)
        {
            // The message of a Data Protection failure names a key id at most, never content.
            return StoreContent.Unreadable(
                $"the local store {FilePath} cannot be decrypted with the key ring in {KeyRingPath} (was the key ring deleted or "
                + "replaced?). Restore the key ring, or delete the file and set the credentials again.", ex);
        }
        catch (JsonException ex)
        {
            return StoreContent.Unreadable($"the local store {FilePath} decrypted but is not a PsBill secret file.", ex);
        }
    }

    private async Task WriteAllAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        CreateOwnerOnlyFolder(Path.GetDirectoryName(FilePath)!, tightenExisting: false);
        var protectedBytes = _protector.Value.Protect(JsonSerializer.SerializeToUtf8Bytes(values));
        TightenKeyFiles();

        // Write beside the file and move over it, so a crash never leaves half a file.
        var temporary = FilePath + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerReadWrite;
        await using (var stream = new FileStream(temporary, options))
        {
            await stream.WriteAsync(protectedBytes, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, OwnerReadWrite); // also when the .tmp was left over
        File.Move(temporary, FilePath, overwrite: true);
    }

    private IDataProtector CreateProtector()
    {
        CreateOwnerOnlyFolder(KeyRingPath, tightenExisting: true);
        var provider = DataProtectionProvider.Create(
            new DirectoryInfo(KeyRingPath),
            builder => builder.SetApplicationName("PsBill"));
        return provider.CreateProtector(ProtectorPurpose);
    }

    private static void CreateOwnerOnlyFolder(string path, bool tightenExisting)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path)) Directory.CreateDirectory(path, OwnerOnlyFolder);
        else if (tightenExisting) File.SetUnixFileMode(path, OwnerOnlyFolder);
    }

    // Data Protection writes key files with the process umask; the folder is already 700, the files follow suit.
    private void TightenKeyFiles()
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var keyFile in Directory.EnumerateFiles(KeyRingPath)) File.SetUnixFileMode(keyFile, OwnerReadWrite);
    }

    [LoggerMessage(EventId = 7011, Level = LogLevel.Information, Message = "Wrote secret {SecretName} to the local store {FilePath}")]
    private partial void LogSecretWritten(string secretName, string filePath);

    private sealed record StoreContent(IReadOnlyDictionary<string, string> Values, StoreProblem? Outcome)
    {
        public static StoreContent Empty { get; } = new(new Dictionary<string, string>(), null);

        public static StoreContent Unreadable(string reason, Exception? inner = null) =>
            new(new Dictionary<string, string>(), new StoreProblem(reason, inner));
    }

    private sealed record StoreProblem(string Reason, Exception? Inner);
}
