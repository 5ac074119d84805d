using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Verify.Hub.Journey.Protection;

/// <summary>
/// Seals a stored journey document with AES-256-GCM so the journey store (Redis, its snapshots and replicas) holds no
/// personal data in the clear: a journey carries the IDP's verified identity, its sealed assertions and the citizen's
/// cycle 3 answer while matching runs (ARCHITECTURE.md "No personal data … none kept by the hub"; ADR 0023 — journey
/// store sealing). The associated data is the store key, so a sealed journey moved under another journey's key does not
/// open. Several keys may be given: the first seals, all open (rotation); each sealed document names its key by a
/// 4-byte fingerprint.
/// </summary>
/// <remarks>Format: <c>0x01 ‖ key fingerprint (4) ‖ nonce (12) ‖ ciphertext ‖ tag (16)</c>.</remarks>
public sealed class JourneyProtector
{
    /// <summary>The bytes of a journey key.</summary>
    public const int KeyBytes = 32;

    private const byte Format = 1;
    private const int FingerprintBytes = 4;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + FingerprintBytes + NonceBytes;

    private readonly (uint Fingerprint, byte[] Key)[] _keys;

    /// <summary>Protects with the first of <paramref name="keys"/>; opens with any of them.</summary>
    public JourneyProtector(IReadOnlyList<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0 || keys.Any(k => k is null || k.Length != KeyBytes))
        {
            throw new ArgumentException($"Give at least one journey key of exactly {KeyBytes} bytes.", nameof(keys));
        }

        _keys = [.. keys.Select(k => (Fingerprint(k), (byte[])k.Clone()))];
        if (_keys.Select(k => k.Fingerprint).Distinct().Count() != _keys.Length)
        {
            throw new ArgumentException("The journey keys must differ.", nameof(keys));
        }
    }

    /// <summary>
    /// The journey key every hub node derives from the hub secret (HKDF-SHA256, its own label, so it is independent of
    /// the pairwise-identifier and RelayState keys derived from the same secret).
    /// </summary>
    public static byte[] DeriveKey(byte[] hubSecret)
    {
        ArgumentNullException.ThrowIfNull(hubSecret);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, hubSecret, KeyBytes, info: Encoding.UTF8.GetBytes("verify/journey-store/v1"));
    }

    /// <summary>Seals <paramref name="document"/> for the store key <paramref name="storeKey"/>.</summary>
    public byte[] Protect(ReadOnlySpan<byte> document, string storeKey)
    {
        var (fingerprint, key) = _keys[0];
        var sealedDocument = new byte[HeaderBytes + document.Length + TagBytes];
        sealedDocument[0] = Format;
        BinaryPrimitives.WriteUInt32BigEndian(sealedDocument.AsSpan(1), fingerprint);
        var nonce = sealedDocument.AsSpan(1 + FingerprintBytes, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(
            nonce,
            document,
            sealedDocument.AsSpan(HeaderBytes, document.Length),
            sealedDocument.AsSpan(HeaderBytes + document.Length),
            Encoding.UTF8.GetBytes(storeKey));
        return sealedDocument;
    }

    /// <summary>The document sealed for <paramref name="storeKey"/>; a <see cref="JourneyStoreException"/> when it does not open.</summary>
    public byte[] Unprotect(ReadOnlySpan<byte> sealedDocument, string storeKey)
    {
        if (sealedDocument.Length < HeaderBytes + TagBytes || sealedDocument[0] != Format)
        {
            throw new JourneyStoreException("A stored journey is not sealed with a journey key.");
        }

        var fingerprint = BinaryPrimitives.ReadUInt32BigEndian(sealedDocument[1..]);
        var key = Array.Find(_keys, k => k.Fingerprint == fingerprint).Key
            ?? throw new JourneyStoreException("A stored journey is sealed with a key this node does not hold.");
        var cipherLength = sealedDocument.Length - HeaderBytes - TagBytes;
        var document = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(
                sealedDocument.Slice(1 + FingerprintBytes, NonceBytes),
                sealedDocument.Slice(HeaderBytes, cipherLength),
                sealedDocument[(HeaderBytes + cipherLength)..],
                document,
                Encoding.UTF8.GetBytes(storeKey));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new JourneyStoreException("A stored journey was altered or belongs to another journey.", e);
        }

        return document;
    }

    private static uint Fingerprint(byte[] key) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(key));
}
