using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PsBill.Simulators.Bill;

namespace PsBill.Tests.Simulators.Bill;

/// <summary>Plain HTTP to the simulator, as any BILL client would send it: for testing the simulator without the connector.</summary>
internal sealed class RawBillSession(BillSimulator simulator, HttpClient http)
{
    public string SessionId { get; private set; } = "";

    public static async Task<RawBillSession> LoginAsync(BillSimulator simulator, HttpClient http)
    {
        var session = new RawBillSession(simulator, http);
        var credentials = simulator.Credentials;
        var (status, body) = await session.SendAsync(HttpMethod.Post, "/v3/login", new JsonObject
        {
            ["username"] = credentials.Username, ["password"] = credentials.Password,
            ["organizationId"] = credentials.OrganizationId, ["devKey"] = credentials.DeveloperKey,
        }.ToJsonString(), authenticated: false);
        if (status != 200) throw new InvalidOperationException($"Login failed: {status} {body}");
        session.SessionId = (string)body!["sessionId"]!;
        return session;
    }

    public Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? body = null, bool authenticated = true,
        bool eventsHost = false, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SendToAsync(method, (eventsHost ? simulator.EventsBaseUrl : simulator.BaseUrl).AbsoluteUri.TrimEnd('/') + path, body, authenticated, headers);

    public async Task<(int Status, JsonNode? Body)> SendToAsync(HttpMethod method, string url, string? body, bool authenticated = true,
        IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (authenticated)
        {
            request.Headers.Add("devKey", simulator.Credentials.DeveloperKey);
            request.Headers.Add("sessionId", SessionId);
        }

        foreach (var (name, value) in headers ?? []) request.Headers.Add(name, value);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, CollectionResponse.ParseLenient(text));
    }
}
