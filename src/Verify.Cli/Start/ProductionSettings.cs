using Verify.Pki;

namespace Verify.Cli.Start;

/// <summary>
/// <c>verify start</c>'s configuration (a JSON file, overridable by <c>VERIFY_</c> environment variables, e.g.
/// <c>VERIFY_postgres</c>, <c>VERIFY_hub__entityId</c>). Bound, then checked by <see cref="ProductionHub"/> before anything starts.
/// </summary>
internal sealed class ProductionSettings
{
    public HubSettings Hub { get; set; } = new();

    /// <summary>The PostgreSQL connection string (federation store, data-protection keys).</summary>
    public string? Postgres { get; set; }

    /// <summary>The Redis configuration string (journeys, replay caches), cluster-capable.</summary>
    public string? Redis { get; set; }

    /// <summary>The audit trail's key and checkpoints (the events go to <see cref="Postgres"/>).</summary>
    public AuditSettings Audit { get; set; } = new();

    /// <summary>Where traces, metrics and logs go.</summary>
    public TelemetrySettings Telemetry { get; set; } = new();
}

/// <summary>The audit trail (ADR 0013): the key its hashes are made with, and where signed checkpoints go.</summary>
internal sealed class AuditSettings
{
    /// <summary>A file holding the audit key, base64 (at least 32 random bytes; not the pairwise secret).</summary>
    public string? KeyFile { get; set; }

    /// <summary>Checkpoints written by this node on a timer; absent when a cron job runs <c>verify audit checkpoint</c>.</summary>
    public CheckpointSettings? Checkpoints { get; set; }
}

/// <summary>Signed checkpoints of the audit chain, written outside the database.</summary>
internal sealed class CheckpointSettings
{
    /// <summary>The checkpoint-signing private key (PEM: ECDSA P-256 or RSA ≥ 2048), not a hub protocol key.</summary>
    public string? Key { get; set; }

    /// <summary>The checkpoint file (JSON lines), on a volume the database cannot reach.</summary>
    public string? File { get; set; }

    /// <summary>How often, in seconds (default 60).</summary>
    public int IntervalSeconds { get; set; } = 60;
}

/// <summary>OpenTelemetry export and log shape.</summary>
internal sealed class TelemetrySettings
{
    /// <summary>The OTLP/HTTP collector endpoint; default: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or no export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The service name on every signal.</summary>
    public string ServiceName { get; set; } = "verify-hub";

    /// <summary>Console logs as JSON lines (default) or plain lines.</summary>
    public bool JsonLogs { get; set; } = true;
}

/// <summary>The hub's identity, endpoint and keys.</summary>
internal sealed class HubSettings
{
    public string? EntityId { get; set; }

    /// <summary>The URL citizens and peers use (behind a load balancer: the balancer's URL).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The port this node listens on; default: the public URL's port.</summary>
    public int? ListenPort { get; set; }

    /// <summary>The address this node listens on; default: any.</summary>
    public string? ListenAddress { get; set; }

    /// <summary>
    /// The load balancers or proxies (IP addresses or CIDR networks) whose <c>X-Forwarded-For</c> names the citizen's
    /// address (for rate limits); empty: the TCP peer is the citizen.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>TLS terminated here (a certificate); absent when a proxy in front terminates TLS.</summary>
    public KeyFileSettings? Tls { get; set; }

    public KeyFileSettings? Signing { get; set; }

    /// <summary>
    /// The next signing key (RSA), optional: published in the OIDC JWKS and the hub's metadata but never signing, so
    /// peers hold it before it is promoted to <see cref="Signing"/>; after a promotion, the outgoing key for the overlap.
    /// </summary>
    public KeyFileSettings? SigningNext { get; set; }

    /// <summary>The OpenID Provider's EC P-256 key, optional: signs the ID tokens of clients registered for ES256.</summary>
    public KeyFileSettings? OidcEcSigning { get; set; }

    public List<KeyFileSettings> Encryption { get; set; } = [];

    /// <summary>A file holding the pairwise secret, base64 (at least 32 bytes once decoded).</summary>
    public string? PairwiseSecretFile { get; set; }

    public TrustSettings Trust { get; set; } = new();
}


/// <summary>The federation's root and per-role CAs (PEM), for parties trusted as pkix.</summary>
internal sealed class TrustSettings
{
    public string? Root { get; set; }

    public string? HubCa { get; set; }

    public string? IdpCa { get; set; }

    public string? RpCa { get; set; }

    public string? MetadataCa { get; set; }
}
