using System.Text.RegularExpressions;

using Verify.Saml.Trust;
using Verify.TestRp.Protocol;

namespace Verify.TestRp;

/// <summary>The checks <see cref="TestRpOptions.Validate"/> makes on <see cref="TestRpOptions.Services"/>.</summary>
internal static partial class TestRpServiceChecks
{
    public static void Validate(TestRpOptions options, List<string> failures)
    {
        if (options.Services is null)
        {
            failures.Add($"{nameof(TestRpOptions.Services)} is required (empty for none).");
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var entityIds = new HashSet<string>(StringComparer.Ordinal) { options.EntityId ?? "" };
        foreach (var service in options.Services)
        {
            if (service?.Key is not { } key || !KeyShape().IsMatch(key) || !keys.Add(key))
            {
                failures.Add($"{nameof(TestRpOptions.Services)}: each key must be unique, 1 to 32 lower-case letters, digits or hyphens.");
                continue;
            }

            // SAML Metadata 2.3.2: an entityID is a URI of at most 1024 characters; one registration per entity ID.
            if (!Uri.TryCreate(service.EntityId, UriKind.Absolute, out _) || service.EntityId.Length > 1024 || !entityIds.Add(service.EntityId))
            {
                failures.Add($"{nameof(TestRpOptions.Services)} '{key}': the entity ID must be an absolute URI of at most 1024 characters, unlike any other.");
            }

            if (string.IsNullOrWhiteSpace(service.DisplayName))
            {
                failures.Add($"{nameof(TestRpOptions.Services)} '{key}': a display name is required.");
            }

            if (service.RequestedLevels is null || service.RequestedLevels.Any(level => LevelOfAssurance.RankOf(level) is null))
            {
                failures.Add($"{nameof(TestRpOptions.Services)} '{key}': requested levels may hold only the level1 … level4 URIs.");
            }

            // ARCHITECTURE.md: signatures are checked against the registered key, never one carried in the message.
            if (service.EndToEnd && (service.MatchingServiceSigningCertificates is not { Count: > 0 } pinned || pinned.Any(IsWeak)))
            {
                failures.Add($"{nameof(TestRpOptions.Services)} '{key}': end-to-end needs the matching service's signing certificates (RSA ≥ 2048 or EC).");
            }
        }
    }

    private static bool IsWeak(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate)
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

    [GeneratedRegex("^[a-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();
}
