using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PsBill.Tests.Credentials;

/// <summary>A fake of the Key Vault secrets API (the subset <c>SecretClient</c> uses: get and set a secret) over HTTPS
/// on 127.0.0.1 with a self-signed certificate. Like the real vault it answers an unauthenticated request with 401
/// and a Bearer challenge naming the tenant and resource, which <c>SecretClient</c> needs before it sends a token.</summary>
internal sealed class FakeKeyVault : IAsyncDisposable
{
    public const string TenantId = "72f988bf-0000-4000-8000-000000000001";
    public const string Token = "fake-access-token";

    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _denied = new(StringComparer.OrdinalIgnoreCase);
    private readonly WebApplication _app;
    private int _challenges;
    private int _authorizedReads;

    private FakeKeyVault(WebApplication app, X509Certificate2 certificate, Uri vaultUri)
    {
        _app = app;
        Certificate = certificate;
        VaultUri = vaultUri;
    }

    public Uri VaultUri { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>401 challenges answered so far.</summary>
    public int Challenges => _challenges;

    /// <summary>Authenticated secret reads (GET) so far: what a cache saves.</summary>
    public int AuthorizedReads => _authorizedReads;

    public static async Task<FakeKeyVault> StartAsync()
    {
        var certificate = CreateSelfSignedCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        FakeKeyVault? vault = null;
        app.Run(context => vault!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        vault = new FakeKeyVault(app, certificate, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
        return vault;
    }

    public void SetSecret(string name, string value) => _secrets[name] = value;

    /// <summary>Reads of this secret get 403, as when the app's identity lacks the role.</summary>
    public void Deny(string name) => _denied[name] = true;

    public string? Secret(string name) => _secrets.TryGetValue(name, out var value) ? value : null;

    /// <summary>A client as production builds it, except: a transport that trusts only this fake's certificate, any
    /// token credential, challenge resource verification off (the resource is vault.azure.net, the host 127.0.0.1).</summary>
    public SecretClient CreateClient() => new(VaultUri, new StaticTokenCredential(), CreateClientOptions());

    public SecretClientOptions CreateClientOptions()
    {
        var thumbprint = Certificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
        };
        return new SecretClientOptions
        {
            DisableChallengeResourceVerification = true,
            Transport = new HttpClientTransport(handler),
            Retry = { MaxRetries = 0 },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        if (authorization != $"Bearer {Token}")
        {
            Interlocked.Increment(ref _challenges);
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate =
                $"Bearer authorization=\"https://login.microsoftonline.com/{TenantId}\", resource=\"https://vault.azure.net\"";
            return;
        }

        // /secrets/{name} or /secrets/{name}/{version}
        var segments = request.Path.Value!.Trim('/').Split('/');
        if (segments.Length < 2 || segments[0] != "secrets")
        {
            await ErrorAsync(context, 400, "BadParameter", "Unsupported path.");
            return;
        }

        var name = segments[1];
        if (HttpMethods.IsGet(request.Method))
        {
            Interlocked.Increment(ref _authorizedReads);
            if (_denied.ContainsKey(name))
                await ErrorAsync(context, 403, "Forbidden", $"The user, group or application does not have secrets get permission on key vault.");
            else if (_secrets.TryGetValue(name, out var value))
                await SecretAsync(context, name, value);
            else
                await ErrorAsync(context, 404, "SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault.");
            return;
        }

        if (HttpMethods.IsPut(request.Method))
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var value = body.RootElement.GetProperty("value").GetString()!;
            _secrets[name] = value;
            await SecretAsync(context, name, value);
            return;
        }

        await ErrorAsync(context, 405, "MethodNotAllowed", "Unsupported method.");
    }

    private Task SecretAsync(HttpContext context, string name, string value) =>
        context.Response.WriteAsJsonAsync(new
        {
            value,
            id = new Uri(VaultUri, $"secrets/{name}/{Guid.NewGuid():N}").ToString(),
            attributes = new { enabled = true, created = 1_700_000_000, updated = 1_700_000_000, recoveryLevel = "Recoverable+Purgeable" },
        });

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { code, message } });
    }

    private static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        // Reloaded from PKCS#12 so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    private sealed class StaticTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
