using PsBill.Connector.Configuration;

namespace PsBill.Connector.Sync.ReferenceData;

/// <summary>
/// Reads the CSV overrides file (<see cref="SyncOptions.MappingOverridesFile"/>): <c>kind,source,billId</c> per line, an
/// optional header line, blank lines and lines starting with <c>#</c> ignored. A wrong line stops the sync with its line
/// number, because a mapping silently dropped would send money to the wrong account.
/// </summary>
public static class MappingOverridesFile
{
    /// <summary>The overrides in <paramref name="path"/>; none when the path is empty.</summary>
    /// <exception cref="PsBillConfigurationException">The file is missing or a line is wrong.</exception>
    public static async Task<IReadOnlyList<MappingOverride>> ReadAsync(string? path, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(path)) return [];
        const string setting = "PsBill:Sync:MappingOverridesFile";
        if (!File.Exists(path)) throw new PsBillConfigurationException([new SettingError(setting, $"names '{path}', which does not exist")]);

        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        var overrides = new List<MappingOverride>();
        var errors = new List<SettingError>();
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var fields = text.Split(',', StringSplitOptions.TrimEntries);
            if (i == 0 && fields.Length > 0 && string.Equals(fields[0], "kind", StringComparison.OrdinalIgnoreCase)) continue;
            if (fields.Length != 3 || fields.Any(f => f.Length == 0))
            {
                errors.Add(new SettingError(setting, $"line {i + 1} of '{path}' is '{text}'; expected kind,source,billId"));
                continue;
            }
            var kind = fields[0].ToLowerInvariant();
            if (!MappingKinds.All.Contains(kind))
            {
                errors.Add(new SettingError(setting, $"line {i + 1} of '{path}' has kind '{fields[0]}'; expected one of {string.Join(", ", MappingKinds.All)}"));
                continue;
            }
            overrides.Add(new MappingOverride(kind, fields[1], fields[2], i + 1));
        }
        if (errors.Count > 0) throw new PsBillConfigurationException(errors);
        return overrides;
    }
}
