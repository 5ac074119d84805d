using System.Globalization;

using Verify.Federation.Parties;
using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Federation.Registration;

/// <summary>The metadata rules relying parties and identity providers share; each failure is a <see cref="RegistrationRefusedException"/>.</summary>
internal static class MetadataChecks
{
    // HTTPS is enforced here rather than by the reader, so that loopback http can be allowed and refused with a message.
    private static readonly MetadataReader Reader = new(new MetadataReaderOptions { RequireHttps = false });

    /// <summary>Parses hostile metadata bytes (hardened, SecureXml) and returns the one entity and its one <typeparamref name="TRole"/>.</summary>
    public static ParsedMetadata<TRole> Parse<TRole>(ReadOnlySpan<byte> xml, string roleElement, string otherKind)
        where TRole : RoleDescriptor
    {
        MetadataDescriptor metadata;
        try
        {
            metadata = Reader.Read(SecureXml.Load(xml, SecureXmlOptions.Metadata));
        }
        catch (SamlException ex)
        {
            throw new RegistrationRefusedException($"The metadata is not valid SAML 2.0 metadata ({ex.Error}). Fix the document and register it again.", ex);
        }

        // One registration is one party: a group of entities would leave it unclear which one is meant.
        var entities = metadata.Entities.ToList();
        if (entities.Count != 1)
        {
            throw new RegistrationRefusedException(
                $"The metadata describes {entities.Count} entities; give metadata with exactly one md:EntityDescriptor (register each party separately).");
        }

        var entity = entities[0];
        var roles = entity.Roles.OfType<TRole>().ToList();
        return roles.Count switch
        {
            1 => new ParsedMetadata<TRole>(xml.ToArray(), entity, roles[0]),
            0 => throw new RegistrationRefusedException(
                $"Entity '{entity.EntityId}' has no md:{roleElement}, so it is not this kind of party. Check the file, or register it as {otherKind} instead."),
            _ => throw new RegistrationRefusedException(
                $"Entity '{entity.EntityId}' has {roles.Count} md:{roleElement} elements; give exactly one, so its keys and endpoints are unambiguous."),
        };
    }

    /// <summary>
    /// ARCHITECTURE.md: citizens and messages travel only over TLS. Plain http is allowed only for a loopback host
    /// when <paramref name="allowLoopbackHttp"/> is set (development on one machine).
    /// </summary>
    public static void RequireSecureUrl(string url, string what, bool allowLoopbackHttp)
    {
        // On Unix, "/path" parses as an absolute file: URI; only web URLs count here.
        if (url.Length > RegistrationLimits.UrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new RegistrationRefusedException($"The {what} '{Shorten(url)}' is not an absolute URL of at most {RegistrationLimits.UrlLength} characters.");
        }

        if (uri.Scheme == Uri.UriSchemeHttps || (allowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return;
        }

        var hint = allowLoopbackHttp
            ? "http is accepted only for a loopback host (localhost, 127.0.0.1, ::1)"
            : "http is accepted only for a loopback host, and only when loopback http is allowed for development";
        throw new RegistrationRefusedException($"The {what} '{Shorten(url)}' is not https. Publish an https URL ({hint}).");
    }

    /// <summary>Every endpoint location of an SSO role, each held to <see cref="RequireSecureUrl"/>.</summary>
    public static void RequireSecureEndpoints(SsoDescriptor role, IEnumerable<Endpoint> roleSpecific, bool allowLoopbackHttp)
    {
        var endpoints = roleSpecific
            .Concat(role.ArtifactResolutionServices)
            .Concat(role.SingleLogoutServices)
            .Concat(role.ManageNameIdServices);
        foreach (var endpoint in endpoints)
        {
            RequireSecureUrl(endpoint.Location, "endpoint", allowLoopbackHttp);
            if (endpoint.ResponseLocation is { } responseLocation)
            {
                RequireSecureUrl(responseLocation, "endpoint response location", allowLoopbackHttp);
            }
        }
    }

    /// <summary>
    /// Every certificate of the role, each strong enough (ARCHITECTURE.md: RSA keys under 2048 bits are refused; EC at
    /// least P-256), whatever the trust kind: a pinned key is still only as good as its size.
    /// </summary>
    public static IReadOnlyList<PartyCertificate> Certificates(string entityId, RoleDescriptor role)
    {
        var certificates = role.KeyDescriptors
            .SelectMany(k => k.Certificates.Select(c => new PartyCertificate(c, k.Use)))
            .ToList();
        foreach (var certificate in certificates)
        {
            RequireStrongKey(entityId, certificate);
        }

        return certificates;
    }

    /// <summary>Refuses unless some certificate applies to <paramref name="use"/> (a key descriptor without <c>use</c> counts, SAML Metadata 2.4.1.1).</summary>
    public static void RequireCertificateFor(string entityId, IReadOnlyList<PartyCertificate> certificates, KeyUse use, string why)
    {
        if (!certificates.Any(c => c.AppliesTo(use)))
        {
            var name = PartyCertificate.UseName(use);
            throw new RegistrationRefusedException(
                $"Entity '{entityId}' has no {name} certificate: {why}. Add an md:KeyDescriptor use=\"{name}\" (or one without use) with its X.509 certificate.");
        }
    }

    private static void RequireStrongKey(string entityId, PartyCertificate certificate)
    {
        TrustedSigningKey key;
        try
        {
            key = TrustedSigningKey.FromCertificate(certificate.Certificate);
        }
        catch (NotSupportedException ex)
        {
            throw new RegistrationRefusedException($"Entity '{entityId}': the {certificate} has a key that is neither RSA nor EC; issue an RSA (2048 bits or more) or EC (P-256 or stronger) key.", ex);
        }

        using (key)
        {
            if (key.IsWeak)
            {
                throw new RegistrationRefusedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Entity '{entityId}': the {certificate} has a {key.KeySize}-bit key, which is too weak. The federation requires RSA keys of at least {TrustedSigningKey.MinimumRsaKeySize} bits (EC: P-256 or stronger); issue a new key and certificate and register the new metadata."));
            }
        }
    }

    private static string Shorten(string value) => value.Length <= 120 ? value : string.Concat(value.AsSpan(0, 117), "...");
}
