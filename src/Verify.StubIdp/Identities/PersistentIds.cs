using System.Security.Cryptography;
using System.Text;

namespace Verify.StubIdp.Identities;

/// <summary>
/// The persistent NameID (PID) each white-labelled IDP gives a test identity: derived from the IDP's entity ID and
/// the identity's key, so it is stable for one person at one IDP (across requests and restarts) and different at
/// every other IDP, as it was between Verify's real IDPs (VERIFY-REFERENCE.md: the PID changed when the citizen
/// switched IDP). Nothing is secret here: these are test people.
/// </summary>
public static class PersistentIds
{
    /// <summary>The PID, as a lowercase UUID-shaped string (Verify's IDPs sent UUIDs).</summary>
    public static string For(string idpEntityId, string identityKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idpEntityId);
        ArgumentException.ThrowIfNullOrEmpty(identityKey);

        // A newline cannot occur in either part (entity IDs are URIs, keys are slugs), so the input is unambiguous.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idpEntityId + "\n" + identityKey));
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
