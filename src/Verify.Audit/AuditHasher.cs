using System.Security.Cryptography;
using System.Text;

namespace Verify.Audit;

/// <summary>
/// Makes the <see cref="KeyedHash"/>es audit events carry: HMAC-SHA256 of the identifier under a key derived from the
/// audit key for one purpose (HKDF-Expand, RFC 5869, with the label <c>verify-audit/v1/{purpose}</c>), so the same
/// journey ID and pairwise ID hash differently, and neither can be found from the trail without the audit key.
/// Thread-safe.
/// </summary>
/// <remarks>
/// ARCHITECTURE.md: audit events hold keyed hashes only. An unkeyed hash of a journey ID or a pairwise identifier
/// could be reversed by anyone holding the clear value (an RP holds the pairwise ID); a keyed one cannot.
/// The audit key is a secret of the hub's, distinct from the pairwise-identifier secret.
/// </remarks>
public sealed class AuditHasher
{
    /// <summary>The shortest audit key accepted: 256 bits, the HMAC-SHA256 block security level (RFC 2104 §3).</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The longest identifier hashed; anything longer is not an identifier.</summary>
    public const int MaximumInputLength = 4096;

    private readonly byte[] _journeyKey;
    private readonly byte[] _pairwiseIdKey;
    private readonly byte[] _requestKey;
    private readonly byte[] _fraudEventKey;

    /// <summary>A hasher under <paramref name="auditKey"/> (at least <see cref="MinimumKeyLength"/> random bytes).</summary>
    /// <exception cref="ArgumentException">The key is shorter than 32 bytes or is one byte repeated.</exception>
    public AuditHasher(ReadOnlySpan<byte> auditKey)
    {
        if (auditKey.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"The audit key must be at least {MinimumKeyLength} random bytes; it has {auditKey.Length}.", nameof(auditKey));
        }

        if (auditKey.IndexOfAnyExcept(auditKey[0]) < 0)
        {
            throw new ArgumentException("The audit key is one byte repeated: generate it with a cryptographic random generator.", nameof(auditKey));
        }

        _journeyKey = Derive(auditKey, "journey");
        _pairwiseIdKey = Derive(auditKey, "pairwise-id");
        _requestKey = Derive(auditKey, "request");
        _fraudEventKey = Derive(auditKey, "fraud-event");
    }

    /// <summary>A hasher under the base64-encoded <paramref name="base64Key"/>.</summary>
    /// <exception cref="FormatException">Not base64.</exception>
    /// <exception cref="ArgumentException">The key is too short.</exception>
    public static AuditHasher FromBase64(string base64Key)
    {
        ArgumentNullException.ThrowIfNull(base64Key);
        var key = Convert.FromBase64String(base64Key.Trim());
        try
        {
            return new AuditHasher(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The journey reference: the journey ID (the session cookie's bearer secret) keyed-hashed.</summary>
    public KeyedHash Journey(string journeyId) => Hash(_journeyKey, journeyId);

    /// <summary>The pairwise identifier the RP receives (already keyed by the hub secret), keyed-hashed again for the trail.</summary>
    public KeyedHash PairwiseId(string pairwiseId) => Hash(_pairwiseIdKey, pairwiseId);

    /// <summary>A protocol message ID (an AuthnRequest ID, an InResponseTo), keyed-hashed so the trail can be joined to an RP's logs by the operator only.</summary>
    public KeyedHash Request(string requestId) => Hash(_requestKey, requestId);

    /// <summary>The IDP's fraud event ID (<c>FECI_IDPFraudEventID</c>), which the IDP can link to a person.</summary>
    public KeyedHash FraudEvent(string fraudEventId) => Hash(_fraudEventKey, fraudEventId);

    private static byte[] Derive(ReadOnlySpan<byte> auditKey, string purpose)
    {
        var key = new byte[32];
        HKDF.Expand(HashAlgorithmName.SHA256, auditKey, key, Encoding.UTF8.GetBytes("verify-audit/v1/" + purpose));
        return key;
    }

    private static KeyedHash Hash(byte[] key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value.Length > MaximumInputLength)
        {
            throw new ArgumentException($"An identifier to hash is at most {MaximumInputLength} characters.", nameof(value));
        }

        return new KeyedHash(Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value))));
    }
}
