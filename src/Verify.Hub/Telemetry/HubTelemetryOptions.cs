namespace Verify.Hub.Telemetry;

/// <summary>Where the hub's OpenTelemetry signals go (ADR 0017).</summary>
public sealed class HubTelemetryOptions
{
    /// <summary>
    /// The OTLP collector's endpoint (traces, metrics and logs); null: the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// variable when set, otherwise no export (the instruments still run, for in-process listeners).
    /// </summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>The service name reported with every signal (several hub nodes share it; each has its own instance ID).</summary>
    public string ServiceName { get; init; } = "verify-hub";

    /// <summary>Log to the console as one JSON object per line (production), rather than one plain line (development).</summary>
    public bool JsonConsoleLogs { get; init; }
}
