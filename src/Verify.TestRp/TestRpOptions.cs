using System.Security.Cryptography.X509Certificates;

using Microsoft.Extensions.Options;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.TestRp.Oidc;
using Verify.TestRp.Protocol;

namespace Verify.TestRp;

/// <summary>
/// Everything the test relying party needs to know: who it is, which hub it talks to and how to trust it, its own
/// keys, and the level of assurance it asks for. Checked by <see cref="Validate"/> before the app is built
/// (STYLE.md: options validate themselves at start-up, with secure defaults).
/// </summary>
public sealed class TestRpOptions
{
    /// <summary>The default entity ID, as <c>verify start-dev</c> registers it.</summary>
    public const string DefaultEntityId = "https://rp.test";

    /// <summary>The RP's SAML entity ID: the Issuer of its requests and the Audience it demands in assertions.</summary>
    public string EntityId { get; init; } = DefaultEntityId;

    /// <summary>The service name shown in the page header and published as the organization display name.</summary>
    public string DisplayName { get; init; } = "Test service";

    /// <summary>The hub's entity ID: the only Issuer accepted for Responses and assertions.</summary>
    public required string HubEntityId { get; init; }

    /// <summary>The hub's single sign-on endpoint (<c>{hub}/SAML2/SSO</c>), for both HTTP-POST and HTTP-Redirect.</summary>
    public required Uri HubSsoUrl { get; init; }

    /// <summary>
    /// The hub's signing certificates (several during a key rollover). Pinned: the keys are trusted as keys, and the
    /// key in a message's KeyInfo is never trusted by itself (ARCHITECTURE.md "Rules that hold everywhere").
    /// </summary>
    public required IReadOnlyList<X509Certificate2> HubSigningCertificates { get; init; }

    /// <summary>The RP's signing key, with its certificate (published in the metadata, and the key the hub checks requests with).</summary>
    public required SigningCredential SigningCredential { get; init; }

    /// <summary>
    /// The RP's decryption keys, each with its certificate (every one is published as an encryption key; during a
    /// rollover the old and the new). The hub encrypts assertions for one of them.
    /// </summary>
    public required IReadOnlyList<DecryptionKey> DecryptionKeys { get; init; }

    /// <summary>
    /// The levels of assurance requested (<see cref="AuthnContexts"/> <c>level1</c>…<c>level4</c>), sent as
    /// <c>RequestedAuthnContext</c>. Empty to send none, as GOV.UK Verify's RPs did: the hub then applies the levels
    /// the RP is registered for. Either way, the level asserted back is checked against this request.
    /// </summary>
    public IReadOnlyList<string> RequestedLevels { get; init; } = [AuthnContexts.Level2];

    /// <summary>
    /// How <see cref="RequestedLevels"/> compare (SAML Core 3.3.2.2.1): <see cref="AuthnContextComparison.Minimum"/>
    /// (the default: the lowest listed level or stronger) or <see cref="AuthnContextComparison.Exact"/> (one of those listed).
    /// </summary>
    public AuthnContextComparison RequestedLevelComparison { get; init; } = AuthnContextComparison.Minimum;

    /// <summary>
    /// How long a request started in a browser can be answered: the hub's session length (GOV.UK Verify: 150 minutes,
    /// because a fifth of citizens spent over an hour at the IDP).
    /// </summary>
    public TimeSpan RequestLifetime { get; init; } = TimeSpan.FromMinutes(150);

    /// <summary>Clock skew, message age and replay retention for the hub's Responses.</summary>
    public SamlValidationOptions Validation { get; init; } = new();

    /// <summary>
    /// Remembers Response and assertion IDs so each is accepted once (SAML Profiles 4.1.4.5). Null for an in-process
    /// cache, right for one node; several nodes need a shared one.
    /// </summary>
    public IReplayCache? ReplayCache { get; init; }

    /// <summary>The clock (tests move it).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Other registrations the citizen may choose on the start page (a matching one, an end-to-end one), each with its
    /// own entity ID; none by default.
    /// </summary>
    public IReadOnlyList<TestRpService> Services { get; init; } = [];

    /// <summary>
    /// Registrations that sign in with OpenID Connect instead of SAML (ADR 0024), each a client of the hub with its own
    /// key, client ID and levels (one of them may be registered with a matching service, ADR 0026), offered beside the
    /// others; none by default.
    /// </summary>
    public IReadOnlyList<TestRpOidcOptions> OidcClients { get; init; } = [];

    /// <summary>Refuses options that cannot work or would weaken the checks.</summary>
    /// <exception cref="OptionsValidationException">One or more options are invalid; every failure is listed.</exception>
    public void Validate()
    {
        var failures = new List<string>();
        RequireUri(failures, EntityId, nameof(EntityId));
        RequireUri(failures, HubEntityId, nameof(HubEntityId));
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            failures.Add($"{nameof(DisplayName)} is required.");
        }

        if (HubSsoUrl is null || !HubSsoUrl.IsAbsoluteUri || HubSsoUrl.Scheme is not ("https" or "http")
            || (HubSsoUrl.Scheme == "http" && !HubSsoUrl.IsLoopback))
        {
            // ARCHITECTURE.md: messages travel over TLS; plain http only to a loopback host in development.
            failures.Add($"{nameof(HubSsoUrl)} must be an absolute https URL (http only for a loopback host).");
        }

        if (HubSigningCertificates is null || HubSigningCertificates.Count == 0)
        {
            failures.Add($"{nameof(HubSigningCertificates)} needs at least one certificate: the hub's Responses are checked against it.");
        }
        else if (HubSigningCertificates.Any(IsUnusableSigningKey))
        {
            // ARCHITECTURE.md: RSA keys under 2048 bits are refused; a pinned key is only as good as its size.
            failures.Add($"{nameof(HubSigningCertificates)} may hold only RSA (2048 bits or more) or EC (P-256 or more) keys.");
        }

        if (SigningCredential?.Certificate is null)
        {
            failures.Add($"{nameof(SigningCredential)} needs a certificate, to publish in the metadata.");
        }

        if (DecryptionKeys is null || DecryptionKeys.Count == 0 || DecryptionKeys.Any(k => k?.Certificate is null))
        {
            failures.Add($"{nameof(DecryptionKeys)} needs at least one key, each with its certificate, to publish in the metadata.");
        }

        ValidateLevels(failures);
        TestRpServiceChecks.Validate(this, failures);
        OidcOptionsChecks.Validate(this, failures);
        if (RequestLifetime <= TimeSpan.Zero || RequestLifetime > TimeSpan.FromHours(24))
        {
            failures.Add($"{nameof(RequestLifetime)} must be positive and at most 24 hours.");
        }

        if (TimeProvider is null || Validation is null)
        {
            failures.Add($"{nameof(TimeProvider)} and {nameof(Validation)} are required.");
        }
        else
        {
            try
            {
                Validation.Validate();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                failures.Add($"{nameof(Validation)}: {ex.Message}");
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(nameof(TestRpOptions), typeof(TestRpOptions), failures);
        }
    }

    private void ValidateLevels(List<string> failures)
    {
        if (RequestedLevels is null)
        {
            failures.Add($"{nameof(RequestedLevels)} is required (empty to send no RequestedAuthnContext).");
            return;
        }

        // ARCHITECTURE.md "Levels of assurance": LEVEL_X is not a level and never satisfies a requirement.
        if (RequestedLevels.Any(level => LevelOfAssurance.RankOf(level) is null))
        {
            failures.Add($"{nameof(RequestedLevels)} may hold only the level1 … level4 authentication context URIs.");
        }

        if (RequestedLevelComparison is not (AuthnContextComparison.Minimum or AuthnContextComparison.Exact))
        {
            failures.Add($"{nameof(RequestedLevelComparison)} must be minimum or exact.");
        }
    }

    private static bool IsUnusableSigningKey(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return true;
        }

        try
        {
            using var key = TrustedSigningKey.FromCertificate(certificate);
            return key.IsWeak;
        }
        catch (NotSupportedException)
        {
            return true;
        }
    }

    private static void RequireUri(List<string> failures, string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out _) || value.Length > 1024)
        {
            // SAML Metadata 2.3.2: an entityID is a URI of at most 1024 characters.
            failures.Add($"{name} must be an absolute URI of at most 1024 characters.");
        }
    }
}
