using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

using Verify.Hub.Telemetry;
using Verify.Hub.Tests.Support;
using Verify.Saml.Samlp;

namespace Verify.Hub.Tests;

/// <summary>
/// OpenTelemetry traces and metrics and the hub's logs (issue 5): journeys counted by outcome, each hop timed, signals
/// exported over OTLP, and nothing of the citizen's in any of them.
/// </summary>
public sealed class TelemetryTests
{
    private static readonly string[] Verified = ["verified"];
    private static readonly string[] AuthnRequest = ["authn-request"];
    private static readonly string[] JourneyHops = ["/Saml/Sso", "/Start", "/ChooseCompany", "/Saml/Acs"];
    private static readonly string[] AllSignals = ["traces", "metrics", "logs"];

    [Test]
    public async Task AJourney_IsCountedByOutcome_AndEveryHopIsTimed()
    {
        await using var hub = await HubHarness.StartAsync();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = Listen(hub, measurements);

        var (request, relayState, _) = await Flow.ToIdpAsync(hub, "sign-in");
        await Flow.PostAnswerAsync(hub, Flow.Answer(hub, request).Build(), relayState);
        await RpMessages.PostAsync(hub.Client, hub, SamlXmlWriter.WriteAuthnRequest(RpMessages.Request(hub)));

        var all = measurements.ToList();
        var hops = all.Where(m => m.Instrument == "verify.hub.hop.duration").Select(m => (string)m.Tags["hop"]!).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(Sum(all, "verify.hub.journeys.started"), Is.EqualTo(1));
            Assert.That(all.Where(m => m.Instrument == "verify.hub.journeys.ended").Select(m => m.Tags["outcome"]), Is.EqualTo(Verified));
            Assert.That(all.Count(m => m.Instrument == "verify.hub.journey.duration"), Is.EqualTo(1));
            Assert.That(all.Where(m => m.Instrument == "verify.hub.refusals").Select(m => m.Tags["kind"]), Is.EqualTo(AuthnRequest));
            Assert.That(hops, Is.SupersetOf(JourneyHops));
            Assert.That(all.Where(m => m.Instrument == "verify.hub.hop.duration").Select(m => m.Value), Has.All.GreaterThan(0));
        });
    }

    [Test]
    public async Task TracesMetricsAndLogs_ReachAnOtlpCollector_WithoutPersonalData()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var hub = await HubHarness.StartAsync(telemetry: new HubTelemetryOptions { OtlpEndpoint = collector.Endpoint });

        var (request, relayState, _) = await Flow.ToIdpAsync(hub, "sign-in");
        var journeyId = Flow.CurrentId(hub)!.Value;
        var acs = await Flow.PostAnswerAsync(hub, Flow.Answer(hub, request).Build(), relayState);
        var rpAnswer = await acs.Content.ReadAsStringAsync();
        await RpMessages.PostAsync(hub.Client, hub, SamlXmlWriter.WriteAuthnRequest(RpMessages.Request(hub)));   // refused: a warning log
        await hub.Client.GetAsync(HubPaths.SingleSignOn + "?SAMLRequest=not-a-request&RelayState=secret-relay-state");

        hub.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);
        hub.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
        hub.Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000);

        Assert.That(collector.Signals, Is.SupersetOf(AllSignals));
        var exported = collector.AllText;
        Assert.Multiple(() =>
        {
            Assert.That(exported, Does.Contain("verify.hub.journeys.started"));
            Assert.That(exported, Does.Contain("hub /Saml/Acs"));
            foreach (var personal in new[] { "Jane", "Citizen", "pid-jane-0001", "TE1 1ST", journeyId, "secret-relay-state", "not-a-request", HubHarness.ClientAddress.ToString() })
            {
                Assert.That(exported, Does.Not.Contain(personal), () => $"'{personal}' was exported: " + Around(exported, personal));
            }

            Assert.That(rpAnswer, Does.Contain("SAMLResponse"));
        });
    }

    [Test]
    public async Task Logs_OfAJourneyAndItsRefusals_HoldNoPersonalData()
    {
        var logs = new CapturingLoggerProvider();
        await using var hub = await HubHarness.StartAsync(configureServices: services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Trace);
        });

        var (request, relayState, _) = await Flow.ToIdpAsync(hub, "sign-in");
        var journeyId = Flow.CurrentId(hub)!.Value;
        await Flow.PostAnswerAsync(hub, (Flow.Answer(hub, request) with { SigningKey = "test-rp-signing" }).Build(), relayState);
        await Flow.PostAnswerAsync(hub, Flow.Answer(hub, request).Build(), relayState);
        await RpMessages.PostAsync(hub.Client, hub, SamlXmlWriter.WriteAuthnRequest(RpMessages.Request(hub)));

        var text = logs.AllText;
        Assert.That(text, Does.Contain("IDP response refused"));
        Assert.That(text, Does.Contain("Answered"));
        Assert.Multiple(() =>
        {
            foreach (var personal in new[] { "Jane", "Citizen", "pid-jane-0001", "TE1 1ST", "1 Test Street", journeyId, relayState, HubHarness.ClientAddress.ToString() })
            {
                Assert.That(text, Does.Not.Contain(personal), () => $"'{personal}' was logged: " + string.Join('\n', text.Split('\n').Where(l => l.Contains(personal, StringComparison.Ordinal))));
            }
        });
    }

    private static string Around(string text, string value)
    {
        var at = text.IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? "" : text[Math.Max(0, at - 300)..Math.Min(text.Length, at + 100)];
    }

    private static MeterListener Listen(HubHarness hub, ConcurrentQueue<(string, double, Dictionary<string, object?>)> measurements)
    {
        var factory = hub.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == HubMetrics.Name && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.Start();
        return listener;
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    private static double Sum(IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> all, string instrument) =>
        all.Where(m => m.Instrument == instrument).Sum(m => m.Value);

    /// <summary>A stand-in OTLP/HTTP collector: keeps every export's body (protobuf: strings are in it as UTF-8).</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received = new();

        private OtlpCollector(WebApplication app) => _app = app;

        public Uri Endpoint { get; private set; } = null!;

        public IReadOnlySet<string> Signals => _received.Select(r => r.Signal).ToHashSet();

        public string AllText => string.Join('\n', _received.Select(r => Encoding.UTF8.GetString(r.Body)));

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                collector._received.Enqueue((signal, body.ToArray()));
                return Results.Ok();
            });
            await app.StartAsync();
            var address = app.Urls.First();
            collector.Endpoint = new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
