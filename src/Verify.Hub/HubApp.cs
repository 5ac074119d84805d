using System.Text;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

using Verify.Audit;

using Verify.Hub.Auditing;
using Verify.Hub.Identity;
using Verify.Hub.Journey;
using Verify.Hub.Journeys;
using Verify.Hub.Limits;
using Verify.Hub.Matching;
using Verify.Hub.Metadata;
using Verify.Hub.Oidc.Client;
using Verify.Hub.Oidc.Provider;
using Verify.Hub.Saml;
using Verify.Hub.Telemetry;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Xml.Encryption;
using Verify.Web.Hosting;
using Verify.Web.Localisation;

namespace Verify.Hub;

/// <summary>
/// The hub web app: composition only. The protocol rules live in <c>Verify.Saml</c> validators and the journey in
/// <c>Verify.Hub.Journey</c>; pages and endpoints orchestrate them. A library, so <c>verify start-dev</c> and
/// <c>verify start</c> host it (and tests run it on real sockets).
/// </summary>
public static class HubApp
{
    /// <summary>How long the hub's own signed metadata is valid for.</summary>
    public static readonly TimeSpan HubMetadataValidity = TimeSpan.FromDays(7);

    /// <summary>Builds the hub (not started).</summary>
    /// <param name="options">The hub's identity, keys and rules.</param>
    /// <param name="endpoint">Where it listens and its public base URL.</param>
    /// <param name="stores">Journeys, replay cache, federation, published metadata.</param>
    /// <param name="environmentName">The ASP.NET Core environment.</param>
    /// <param name="configureServices">Production wiring: shared data-protection keys, readiness checks of the stores.</param>
    public static WebApplication Build(
        HubOptions options, WebAppEndpoint endpoint, HubStores stores, string environmentName = "Production", Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stores);
        options.Validate();
        var builder = VerifyWebHost.CreateBuilder(typeof(HubApp).Assembly.GetName().Name!, endpoint, environmentName);
        var services = builder.Services;
        services.AddRazorPages().AddApplicationPart(typeof(VerifyWebHost).Assembly);
        services.AddVerifyLanguages(HubPaths.Start); // English and Welsh (ADR 0015)
        services.AddHealthChecks();
        configureServices?.Invoke(services);
        services.AddSingleton(options);
        services.AddSingleton(stores.Journeys);
        services.AddSingleton(stores.ReplayCache);
        services.AddSingleton(stores.Directory);
        services.AddSingleton(stores.PublishedMetadata);
        services.AddSingleton(stores.Audit);
        services.AddSingleton(new AuditHasher(options.AuditKey));
        services.AddSingleton<HubMetrics>();
        services.AddSingleton(provider => new HubAudit(
            stores.Audit, provider.GetRequiredService<AuditHasher>(), provider.GetRequiredService<HubMetrics>(), options.TimeProvider));
        AddTelemetry(builder, options.Telemetry);
        services.AddSingleton(new JourneyStateMachine(options.TimeProvider, options.Journey));
        services.AddSingleton<HubEndpoints>();
        services.AddSingleton<JourneyService>();
        services.AddSingleton(new TrustPolicy(options.TimeProvider, options.TrustAnchors));
        services.AddSingleton(new HubSecrets(options.PairwiseSecret));
        services.AddSingleton(new AuthnRequestValidator(options.Saml, stores.ReplayCache, options.TimeProvider));
        services.AddSingleton(new ResponseValidator(options.Saml, stores.ReplayCache, options.TimeProvider));
        services.AddSingleton<IdpRequestFactory>();
        services.AddSingleton<RpResponseFactory>();
        services.AddSingleton<RpAnswerer>();
        services.AddSingleton<IReadOnlyList<DecryptionKey>>([.. options.EncryptionCertificates.Select(DecryptionKey.FromCertificate)]);
        AddMatching(services, options, stores);
        services.AddHubOidcProvider(options);
        services.AddHubOidcClient(options);
        services.AddSingleton(provider => new HubServices(
            options,
            provider.GetRequiredService<HubEndpoints>(),
            provider.GetRequiredService<JourneyService>(),
            stores.Directory,
            provider.GetRequiredService<TrustPolicy>(),
            provider.GetRequiredService<AuthnRequestValidator>(),
            provider.GetRequiredService<ResponseValidator>(),
            provider.GetRequiredService<IdpRequestFactory>(),
            provider.GetRequiredService<RpAnswerer>(),
            provider.GetRequiredService<HubSecrets>(),
            provider.GetRequiredService<IReadOnlyList<DecryptionKey>>(),
            stores.RateLimiter ?? new InMemoryRateLimiter(options.TimeProvider),
            provider.GetRequiredService<HubAudit>(),
            provider.GetRequiredService<HubMetrics>(),
            provider.GetRequiredService<SealedAssertions>(),
            provider.GetRequiredService<MatchingDispatcher>(),
            provider.GetRequiredService<ILogger<HubServices>>()));

        var app = builder.Build();

        // First, so the page it re-executes gets the security headers again: an unexpected failure shows the citizen a
        // page (503 when the audit trail could not be written, so the step did not happen; 500 otherwise).
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = HubPaths.Problem,
            StatusCodeSelector = exception => exception switch
            {
                AuditWriteException => StatusCodes.Status503ServiceUnavailable,
                BadHttpRequestException bad => bad.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseVerifyWebDefaults();
        app.UseVerifyLanguages();
        app.MapGet("/", () => Results.Redirect(HubPaths.Start));
        app.MapGet(HubPaths.HubMetadata, (HubEndpoints endpoints) =>
            Results.Text(HubMetadata.SignedDocument(options, endpoints, HubMetadataValidity).OuterXml, "application/samlmetadata+xml", Encoding.UTF8));
        app.MapGet(HubPaths.FederationMetadata, async (IPublishedMetadataSource published, CancellationToken cancellationToken) =>
            await published.GetAsync(cancellationToken).ConfigureAwait(false) is { } bytes
                ? Results.Bytes(bytes, "application/samlmetadata+xml")
                : Results.Problem("No federation metadata has been published yet.", statusCode: StatusCodes.Status503ServiceUnavailable));
        // Liveness: the process answers. Readiness: every registered check (the stores, in production) passes, so a
        // load balancer sends no journey to a node that cannot reach PostgreSQL or Redis.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready");
        app.UseOidcAuthentication(); // OpenIddict's handlers on its own paths only (ADR 0021 addendum)
        app.MapHubOidcProvider();
        app.MapHubOidcClient();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// The matching journey (ADR 0018): the hub's sealed copies of signed assertions, the queries, the answers' checks,
    /// and the dispatcher that runs each exchange off the citizen's request (stopped with the host). The transport is
    /// the host's when it registered one (a proxy, a test's name resolution), else a default pool.
    /// </summary>
    private static void AddMatching(IServiceCollection services, HubOptions options, HubStores stores)
    {
        services.TryAddSingleton(_ => MatchingTransport.CreateDefault());
        services.AddSingleton<SealedAssertions>();
        services.AddSingleton<MatchingQueries>();
        services.AddSingleton(new MatchingResponseValidator(options.Saml, stores.ReplayCache, options.TimeProvider));
        services.AddSingleton<MatchingWorker>();
        services.AddSingleton<MatchingDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<MatchingDispatcher>());
    }

    /// <summary>
    /// OpenTelemetry (ADR 0017): the hub's meter and activity source plus ASP.NET Core's, exported over OTLP when an
    /// endpoint is configured (or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set). Request spans keep no query string and no
    /// client address: a SAML Redirect query and an IP address are not for a trace store.
    /// </summary>
    private static void AddTelemetry(WebApplicationBuilder builder, HubTelemetryOptions telemetry)
    {
        // The exception handler's own log line quotes the exception's message, which may quote input: the problem
        // page logs the failure instead, by type and stack only.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.None);
        if (telemetry.JsonConsoleLogs)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = false;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        var endpoint = telemetry.OtlpEndpoint
            ?? (Uri.TryCreate(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"), UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : null);
        if (endpoint is null)
        {
            // ADR 0017 addendum: nothing to export to, so no tracer or meter provider, and no request makes a span or a
            // measurement that nobody reads. The hub's meter still serves any MeterListener (dotnet-counters, tests).
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(telemetry.ServiceName, serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddSource(HubMetrics.Name)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.RecordException = false;
                    aspNetCore.EnrichWithHttpRequest = (activity, _) =>
                    {
                        activity.SetTag("url.query", null);
                        activity.SetTag("client.address", null);
                        activity.SetTag("user_agent.original", null);
                    };
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(HubMetrics.Name)
                .AddAspNetCoreInstrumentation())
            .WithLogging()
            .UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, endpoint);
    }
}
