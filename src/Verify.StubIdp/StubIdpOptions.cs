using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

using Microsoft.Extensions.Options;

using Verify.Saml.Errors;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Xml;
using Verify.StubIdp.Identities;

namespace Verify.StubIdp;

/// <summary>
/// Everything the stub IDP needs: who the hub is (its entity ID, the ACS its answers go to, the keys its AuthnRequests
/// are signed with, the key assertions are encrypted for), the stub's own signing key, the IDPs it presents itself
/// as, the identities it can sign in as, and the clock. <see cref="StubIdpApp.Build"/> validates it first and refuses
/// to start with an insecure or inconsistent configuration.
/// </summary>
public sealed partial record StubIdpOptions
{
    // The GOV.UK Frontend assets are served under /assets/: no IDP may take that URL segment.
    private const string ReservedSegment = "assets";

    /// <summary>The hub's entity ID: the only issuer whose AuthnRequests are accepted, and the audience of every assertion.</summary>
    public required string HubEntityId { get; init; }

    /// <summary>
    /// The hub's assertion consumer service (HTTP-POST), where every Response goes. It is the hub's registered ACS:
    /// a request naming any other URL is refused (SAML Profiles 4.1.4.1).
    /// </summary>
    public required string HubAcsUrl { get; init; }

    /// <summary>The hub's signing certificates (pinned; several during a key rollover). AuthnRequests must be signed by one.</summary>
    public required IReadOnlyList<X509Certificate2> HubSigningCertificates { get; init; }

    /// <summary>The hub's encryption certificate (RSA, at least 2048 bits): every assertion is encrypted for it.</summary>
    public required X509Certificate2 HubEncryptionCertificate { get; init; }

    /// <summary>The stub's signing certificate with its private key; shared by every white-labelled IDP.</summary>
    public required X509Certificate2 SigningCertificate { get; init; }

    /// <summary>The IDPs the stub presents itself as. Defaults to <c>stub-idp-one</c> and <c>stub-idp-two</c>.</summary>
    public IReadOnlyList<WhiteLabelIdp> Idps { get; init; } = DefaultIdps;

    /// <summary>The identities the login page offers. Defaults to <see cref="SeededIdentities.All"/>.</summary>
    public IReadOnlyList<TestIdentity> Identities { get; init; } = SeededIdentities.All;

    /// <summary>The clock (tests pass a fake one). Used for every time the stub writes or checks.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long the citizen may stay on the login page before answering. Verify saw a fifth of citizens spend over an
    /// hour at their IDP (VERIFY-REFERENCE.md "Timings"); the default is 60 minutes, at most the hub's 150.
    /// </summary>
    public TimeSpan PendingRequestLifetime { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Clock skew, request age and replay retention for incoming AuthnRequests (Verify's timings by default).</summary>
    public SamlValidationOptions RequestValidation { get; init; } = new();

    /// <summary>
    /// The OpenID Connect side (ADR 0022): when set, every IDP is also an OpenID Provider at <c>/{slug}/oidc</c> with
    /// the hub as its client; null (the default) serves SAML only. Validated by <see cref="StubIdpApp.Build"/>.
    /// </summary>
    public Oidc.StubOidcOptions? Oidc { get; init; }

    /// <summary>The two IDPs a development federation registers by default.</summary>
    public static IReadOnlyList<WhiteLabelIdp> DefaultIdps { get; } =
    [
        new("stub-idp-one", "https://idp.test/stub-idp-one", "Stub IDP One"),
        new("stub-idp-two", "https://idp.test/stub-idp-two", "Stub IDP Two"),
    ];

    /// <summary>The IDP with this URL prefix, or null.</summary>
    public WhiteLabelIdp? FindIdp(string slug) => Idps.FirstOrDefault(idp => string.Equals(idp.Slug, slug, StringComparison.Ordinal));

    /// <summary>The identity with this key, or null.</summary>
    public TestIdentity? FindIdentity(string key) => Identities.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.Ordinal));

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Uri.IsWellFormedUriString(HubEntityId, UriKind.Absolute))
        {
            problems.Add("HubEntityId must be an absolute URI.");
        }

        if (!Uri.TryCreate(HubAcsUrl, UriKind.Absolute, out var acs) || acs.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(acs.Fragment))
        {
            problems.Add("HubAcsUrl must be an absolute http(s) URL without a fragment.");
        }

        problems.AddRange(CertificateProblems());
        problems.AddRange(IdpProblems());
        problems.AddRange(IdentityProblems());
        if (PendingRequestLifetime <= TimeSpan.Zero || PendingRequestLifetime > TimeSpan.FromMinutes(150))
        {
            problems.Add("PendingRequestLifetime must be positive and at most the hub's 150-minute session.");
        }

        if (TimeProvider is null)
        {
            problems.Add("TimeProvider is required.");
        }

        try
        {
            RequestValidation.Validate();
        }
        catch (ArgumentException ex)
        {
            problems.Add("RequestValidation: " + ex.Message);
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Problems"/> finds any.</summary>
    /// <exception cref="OptionsValidationException">The options are not usable; the failures list every problem.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(StubIdpOptions), typeof(StubIdpOptions), problems);
        }
    }

    private IEnumerable<string> CertificateProblems()
    {
        if (HubSigningCertificates is null || HubSigningCertificates.Count == 0)
        {
            yield return "HubSigningCertificates needs at least one certificate: AuthnRequests are always signed.";
        }
        else if (!HubSigningCertificates.All(IsAcceptableSigningCertificate))
        {
            yield return "HubSigningCertificates must be RSA (2048 bits or more) or ECDSA certificates.";
        }

        // Hub profile (ARCHITECTURE.md): RSA keys under 2048 bits are refused, for encryption as for signing.
        using (var encryptionKey = HubEncryptionCertificate?.GetRSAPublicKey())
        {
            if (encryptionKey is null || encryptionKey.KeySize < TrustedSigningKey.MinimumRsaKeySize)
            {
                yield return "HubEncryptionCertificate must hold an RSA key of 2048 bits or more.";
            }
        }

        if (SigningCertificate is null || !SigningCertificate.HasPrivateKey)
        {
            yield return "SigningCertificate must carry its private key.";
        }
        else if (!CanSignWith(SigningCertificate))
        {
            yield return "SigningCertificate must hold an RSA (2048 bits or more) or ECDSA P-256 private key.";
        }
    }

    private IEnumerable<string> IdpProblems()
    {
        if (Idps is null || Idps.Count == 0)
        {
            yield return "Idps needs at least one IDP.";
            yield break;
        }

        foreach (var idp in Idps)
        {
            if (idp is null || !SlugPattern().IsMatch(idp.Slug ?? "") || idp.Slug == ReservedSegment)
            {
                yield return $"Each IDP slug must be lowercase letters, digits and hyphens (it is a URL segment), and not '{ReservedSegment}'.";
            }
            else if (!Uri.IsWellFormedUriString(idp.EntityId, UriKind.Absolute) || string.IsNullOrWhiteSpace(idp.DisplayName))
            {
                yield return $"IDP '{idp.Slug}' needs an absolute entity ID and a display name.";
            }
        }

        if (Idps.Where(i => i is not null).Select(i => i.Slug).Distinct(StringComparer.Ordinal).Count() != Idps.Count
            || Idps.Where(i => i is not null).Select(i => i.EntityId).Distinct(StringComparer.Ordinal).Count() != Idps.Count)
        {
            yield return "IDP slugs and entity IDs must be unique.";
        }

        if (Idps.Any(i => i is not null && string.Equals(i.EntityId, HubEntityId, StringComparison.Ordinal)))
        {
            yield return "An IDP cannot have the hub's entity ID.";
        }
    }

    private IEnumerable<string> IdentityProblems()
    {
        if (Identities is null || Identities.Count == 0)
        {
            yield return "Identities needs at least one identity.";
            yield break;
        }

        if (Identities.Any(i => i is null || !SlugPattern().IsMatch(i.Key ?? "")))
        {
            yield return "Each identity key must be lowercase letters, digits and hyphens.";
        }
        else if (Identities.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count() != Identities.Count)
        {
            yield return "Identity keys must be unique.";
        }

        // ResponseValidator (Verify's IDP profile) refuses a matching dataset without these.
        if (Identities.Any(i => i?.Dataset is null || i.Dataset.FirstNames.Count == 0 || i.Dataset.Surnames.Count == 0 || i.Dataset.DatesOfBirth.Count == 0))
        {
            yield return "Every identity needs a first name, a surname and a date of birth.";
        }
    }

    private static bool CanSignWith(X509Certificate2 certificate)
    {
        try
        {
            using var credential = SigningCredential.FromCertificate(certificate);
            return true;
        }
        catch (SamlException)
        {
            return false;
        }
    }

    private static bool IsAcceptableSigningCertificate(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.KeySize >= TrustedSigningKey.MinimumRsaKeySize;
        }

        using var ecdsa = certificate.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.KeySize >= 256;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
