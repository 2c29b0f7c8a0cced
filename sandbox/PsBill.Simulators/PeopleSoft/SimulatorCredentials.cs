using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PsBill.Simulators.PeopleSoft;

/// <summary>Checks HTTP Basic credentials against the one OPRID and password the simulator knows.</summary>
internal sealed class SimulatorCredentials(string operatorId, string password)
{
    /// <summary>True, false, or null when the request has no Basic header.</summary>
    public bool? CheckBasic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) ||
            !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return null;
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)); }
        catch (FormatException) { return false; }
        var colon = decoded.IndexOf(':');
        return colon > 0 && Matches(decoded[..colon], decoded[(colon + 1)..]);
    }

    /// <summary>PeopleSoft OPRIDs are case-insensitive; passwords are not.</summary>
    public bool Matches(string user, string secret) =>
        user.Equals(operatorId, StringComparison.OrdinalIgnoreCase) && secret == password;
}
