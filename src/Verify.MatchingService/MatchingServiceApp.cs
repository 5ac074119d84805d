using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using Verify.MatchingService.Hosting;
using Verify.MatchingService.Matching;
using Verify.MatchingService.Metadata;
using Verify.MatchingService.Processing;
using Verify.MatchingService.Responses;
using Verify.MatchingService.Validation;
using Verify.Saml.Validation;
using Verify.Saml.Validation.InMemory;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Web.Hosting;

namespace Verify.MatchingService;

/// <summary>
/// The department's matching service as a web app in a library, so <c>verify matching-service start</c> and the tests
/// host it in their own process. It serves the hub's SOAP queries (<see cref="MatchingServicePaths.AttributeQuery"/>,
/// <see cref="MatchingServicePaths.AccountCreation"/>), its metadata, and <c>POST /match</c> where
/// <see cref="MatchingServiceOptions.MatchApi"/> allows.
/// </summary>
public static class MatchingServiceApp
{
    /// <summary>This assembly's name: the application name.</summary>
    public static string ApplicationName { get; } = typeof(MatchingServiceApp).Assembly.GetName().Name!;

    /// <summary>The environments where <see cref="MatchApiMode.Development"/> may run.</summary>
    public static IReadOnlyList<string> DevelopmentEnvironments { get; } = ["Development", "Test"];

    /// <summary>Builds the app on <paramref name="endpoint"/>; the caller starts and disposes it.</summary>
    /// <param name="options">The configuration; validated here, before anything is built.</param>
    /// <param name="endpoint">Where the app listens, and the base URL of its endpoints and metadata.</param>
    /// <param name="matching">The matching logic: the reference engine or the department's own service.</param>
    /// <param name="environmentName">The ASP.NET Core environment; <c>POST /match</c> without mutual TLS needs Development or Test.</param>
    /// <param name="replayCache">Where query IDs are remembered; in memory (one node) when null.</param>
    /// <param name="configureServices">More services (log providers, health checks), added last.</param>
    /// <exception cref="OptionsValidationException">The options are not usable, or not in this environment.</exception>
    public static WebApplication Build(
        MatchingServiceOptions options,
        WebAppEndpoint endpoint,
        ILocalMatchingService matching,
        string environmentName = "Production",
        IReplayCache? replayCache = null,
        Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(matching);
        Validate(options, endpoint, environmentName);

        var builder = VerifyWebHost.CreateBuilder(ApplicationName, endpoint, environmentName);
        if (options.MatchApi.Mode == MatchApiMode.MutualTls)
        {
            ListenWithMutualTls(builder, options.MatchApi, endpoint);
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.MatchApi);
        services.AddSingleton(matching);
        services.AddSingleton<MatchingServicePaths>();
        services.AddSingleton(replayCache ?? new InMemoryReplayCache(options.TimeProvider));
        services.AddSingleton(_ => new PartyKeys(options));
        services.AddSingleton<IReadOnlyList<DecryptionKey>>(_ => [.. options.EncryptionCertificates.Select(DecryptionKey.FromCertificate)]);
        services.AddSingleton<MatchingQueryValidator>();
        services.AddSingleton(_ => SigningCredential.FromCertificate(options.SigningCertificate));
        services.AddSingleton(_ => EncryptionRecipient.FromCertificate(options.HubEncryptionCertificate));
        services.AddSingleton<MatchingResponseFactory>();
        services.AddSingleton<MatchingQueryHandler>();
        services.AddSingleton(_ => new ClientCertificatePins(options.MatchApi.ClientCertificates));
        services.AddSingleton<MatchApiGuard>();
        services.AddHealthChecks();
        configureServices?.Invoke(services);

        var app = builder.Build();
        app.UseVerifyWebDefaults();
        app.MapPost(MatchingServicePaths.AttributeQuery, SoapEndpoint.MatchAsync);
        app.MapPost(MatchingServicePaths.AccountCreation, SoapEndpoint.AccountCreationAsync);
        app.MapGet(MatchingServicePaths.Metadata, MatchingServiceMetadata.Handle);

        // For the department's balancer: live while the process runs; ready only while its stores answer (the checks
        // the production composition adds: the records database, Redis).
        app.MapHealthChecks(MatchingServicePaths.Live, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(MatchingServicePaths.Ready);
        if (options.MatchApi.Mode != MatchApiMode.Off)
        {
            app.MapPost(MatchingServicePaths.Match, MatchApiEndpoint.HandleAsync);
        }

        return app;
    }

    /// <summary>The registration metadata of the matching service served at <paramref name="endpoint"/> (no validUntil).</summary>
    public static System.Xml.XmlDocument RegistrationMetadata(MatchingServiceOptions options, WebAppEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(options);
        var entity = MatchingServiceMetadata.Describe(options, new MatchingServicePaths(endpoint)) with { ValidUntil = null };
        return Saml.Metadata.MetadataWriter.Write(entity);
    }

    private static void Validate(MatchingServiceOptions options, WebAppEndpoint endpoint, string environmentName)
    {
        var problems = options.Problems().ToList();
        if (options.MatchApi?.Mode == MatchApiMode.Development && !DevelopmentEnvironments.Contains(environmentName, StringComparer.Ordinal))
        {
            // Never open in production: POST /match without mutual TLS exists only in development and test.
            problems.Add($"MatchApi: Development mode (no client authentication) is refused in the '{environmentName}' environment; use MutualTls.");
        }

        if (options.MatchApi?.Mode == MatchApiMode.MutualTls && (options.MatchApi.TlsCertificate ?? endpoint.TlsCertificate) is null)
        {
            problems.Add("MatchApi: mutual TLS needs a TLS certificate (MatchApi.TlsCertificate, or the endpoint's).");
        }

        if (options.MatchApi?.Port is { } port && options.MatchApi.Mode == MatchApiMode.MutualTls && port == endpoint.ListenPort)
        {
            problems.Add("MatchApi: the mutual-TLS port must differ from the service's own port.");
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(MatchingServiceOptions), typeof(MatchingServiceOptions), problems);
        }
    }

    /// <summary>
    /// A second listener for <c>POST /match</c>: TLS that requires a client certificate, accepted in the handshake only
    /// when it is pinned. The hub's SOAP endpoint stays on the service's own listener, which asks for no certificate.
    /// </summary>
    private static void ListenWithMutualTls(WebApplicationBuilder builder, MatchApiOptions matchApi, WebAppEndpoint endpoint)
    {
        var pins = new ClientCertificatePins(matchApi.ClientCertificates);
        var certificate = matchApi.TlsCertificate ?? endpoint.TlsCertificate!;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(endpoint.ListenAddress, matchApi.Port!.Value, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = certificate,
                ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                CheckCertificateRevocation = false,
                ClientCertificateValidation = (client, _, _) => pins.Allows(client),

                // A session resumed from another listener of this process (same host name, no certificate asked
                // there) would skip the client certificate: every connection here makes a full handshake.
                OnAuthenticate = (_, ssl) => ssl.AllowTlsResume = false,
            });
        }));
    }
}
