using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PsBill.Sandbox.Settlement;

/// <summary>
/// The network between the simulated BILL and the connector's webhook endpoint, on 127.0.0.1: it passes each
/// notification on byte for byte (body and <c>x-bill-sha-signature</c>), and for the bills it is told about (a
/// notification goes by the first bill of its payment) it delivers twice or loses the notification. It keeps the genuine
/// deliveries it saw, so a sandbox can alter one and send it again. It answers BILL with the connector's status (200 for a lost one, as a
/// network that dropped the request after BILL's timeout looked from BILL's side).
/// </summary>
public sealed class WebhookRelay : IAsyncDisposable
{
    private const string SignatureHeader = "x-bill-sha-signature";
    private readonly WebApplication _app;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<string, WebhookDelivery> _plan = new(StringComparer.Ordinal);
    private int _forwarded;
    private int _lost;
    private int _duplicated;

    private WebhookRelay(WebApplication app, Uri target)
    {
        _app = app;
        Target = target;
    }

    /// <summary>Where BILL should send notifications (the subscription's URL).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The connector's webhook endpoint.</summary>
    public Uri Target { get; }

    /// <summary>Deliveries passed on (a duplicate counts twice).</summary>
    public int Forwarded => Volatile.Read(ref _forwarded);

    /// <summary>Notifications swallowed.</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>Notifications delivered a second time.</summary>
    public int Duplicated => Volatile.Read(ref _duplicated);

    /// <summary>Starts a relay to <paramref name="target"/> on a free loopback port.</summary>
    public static async Task<WebhookRelay> StartAsync(Uri target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var relay = new WebhookRelay(app, target);
        app.MapPost("/bill-webhook", relay.RelayAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        relay.Url = new Uri(address.TrimEnd('/') + "/bill-webhook");
        return relay;
    }

    /// <summary>Genuine notifications passed on: body and signature as BILL sent them.</summary>
    public ConcurrentQueue<(byte[] Body, string Signature)> Genuine { get; } = new();

    /// <summary>How to deliver notifications about payments of <paramref name="billId"/> from now on (default <see cref="WebhookDelivery.Once"/>).
    /// Set it before the payment is made: BILL notifies at once.</summary>
    public void Plan(string billId, WebhookDelivery delivery) => _plan[billId] = delivery;

    /// <summary>Posts <paramref name="body"/> to the connector as given, with <paramref name="signature"/> (none when null):
    /// how the sandbox and tests send forged, altered and unsigned notifications. Returns the HTTP status.</summary>
    public async Task<int> SendAsync(byte[] body, string? signature, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signature is not null) request.Headers.TryAddWithoutValidation(SignatureHeader, signature);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return (int)response.StatusCode;
    }

    private async Task RelayAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var signature = context.Request.Headers[SignatureHeader].ToString();
        var delivery = _plan.TryGetValue(FirstBillOf(body) ?? "", out var planned) ? planned : WebhookDelivery.Once;
        if (delivery == WebhookDelivery.Lost)
        {
            Interlocked.Increment(ref _lost);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        Genuine.Enqueue((body, signature));
        var status = await SendAsync(body, signature, context.RequestAborted).ConfigureAwait(false);
        Interlocked.Increment(ref _forwarded);
        if (delivery == WebhookDelivery.Twice && status == StatusCodes.Status200OK)
        {
            status = await SendAsync(body, signature, context.RequestAborted).ConfigureAwait(false);
            Interlocked.Increment(ref _forwarded);
            Interlocked.Increment(ref _duplicated);
        }
        context.Response.StatusCode = status;
    }

    private static string? FirstBillOf(byte[] body)
    {
        try
        {
            var payment = JsonNode.Parse(body)?["payment"];
            return (string?)payment?["billPayments"]?[0]?["billId"] ?? (string?)payment?["billId"];
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }
}
