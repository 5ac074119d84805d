using System.Security.Cryptography;
using System.Text;

using Verify.Hub.Journey;

namespace Verify.Hub.Identity;

/// <summary>
/// The keyed values the hub derives from its secret. Each use has its own key (HKDF-SHA256, RFC 5869, with a label),
/// so a value computed for one purpose is never valid for another.
/// </summary>
internal sealed class HubSecrets
{
    private const char Separator = '\u001f';
    private readonly byte[] _pairwiseKey;
    private readonly byte[] _relayStateKey;

    public HubSecrets(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _pairwiseKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes("verify/pairwise-identifier/v1"));
        _relayStateKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes("verify/idp-relay-state/v1"));
    }

    /// <summary>
    /// The RP's pairwise identifier (ARCHITECTURE.md "Identifiers"; OIDC Core 8.1): HMAC-SHA256 over the sector, the
    /// IDP's entity ID and the IDP's PID, joined by a separator no entity ID contains, so no two triples collide.
    /// Neither the IDP nor the RP can compute it without the secret; the same citizen at the same IDP gets the same
    /// value at one RP and unrelated values at two.
    /// </summary>
    public string PairwiseIdentifier(string sector, string idpEntityId, string idpPersistentId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_pairwiseKey, Encoding.UTF8.GetBytes(string.Join(Separator, sector, idpEntityId, idpPersistentId))));

    /// <summary>
    /// The RelayState the hub sends an IDP for one journey and request: the IDP's answer must bring it back, and it
    /// must match the journey the cookie names (ARCHITECTURE.md: "RelayState and InResponseTo must both match it").
    /// </summary>
    public string IdpRelayState(JourneyId journey, string authnRequestId)
    {
        var mac = HMACSHA256.HashData(_relayStateKey, Encoding.UTF8.GetBytes(journey.Value + Separator + authnRequestId));
        return Convert.ToBase64String(mac.AsSpan(0, 16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Compares a received RelayState with the expected one in constant time.</summary>
    public bool IsIdpRelayState(string? received, JourneyId journey, string authnRequestId) =>
        received is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received), Encoding.UTF8.GetBytes(IdpRelayState(journey, authnRequestId)));
}
