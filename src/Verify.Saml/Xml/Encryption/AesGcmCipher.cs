using System.Security.Cryptography;

namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// AES-GCM as XML Encryption 1.1 (Block Encryption Algorithms, AES-GCM) lays it out: the CipherValue octets are the 96-bit IV, then the
/// ciphertext, then the 128-bit authentication tag. No additional authenticated data is used.
/// </summary>
internal static class AesGcmCipher
{
    /// <summary>XML Encryption 1.1, AES-GCM: the IV is 96 bits.</summary>
    public const int IvSize = 12;

    /// <summary>XML Encryption 1.1, AES-GCM: the tag is 128 bits.</summary>
    public const int TagSize = 16;

    /// <summary>The key length in bytes for an algorithm.</summary>
    public static int KeySize(DataEncryptionAlgorithm algorithm) => algorithm switch
    {
        DataEncryptionAlgorithm.Aes256Gcm => 32,
        DataEncryptionAlgorithm.Aes128Gcm => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The algorithm URI written into EncryptionMethod.</summary>
    public static string Uri(DataEncryptionAlgorithm algorithm) => algorithm switch
    {
        DataEncryptionAlgorithm.Aes256Gcm => XmlEncryptionNames.Aes256Gcm,
        DataEncryptionAlgorithm.Aes128Gcm => XmlEncryptionNames.Aes128Gcm,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>A fresh random content-encryption key. One key per message: never reused.</summary>
    public static byte[] NewKey(DataEncryptionAlgorithm algorithm) => RandomNumberGenerator.GetBytes(KeySize(algorithm));

    /// <summary>Encrypts with a fresh random IV; returns IV ‖ ciphertext ‖ tag.</summary>
    public static byte[] Encrypt(byte[] key, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[IvSize + plaintext.Length + TagSize];
        var iv = output.AsSpan(0, IvSize);

        // NIST SP 800-38D 8.2.2: a random 96-bit IV, never repeated under one key (each key is used once).
        RandomNumberGenerator.Fill(iv);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(iv, plaintext, output.AsSpan(IvSize, plaintext.Length), output.AsSpan(IvSize + plaintext.Length, TagSize));
        return output;
    }

    /// <summary>
    /// Decrypts IV ‖ ciphertext ‖ tag. Returns null when the tag does not verify (or the key has the
    /// wrong length): the caller reports that exactly like a key that would not unwrap.
    /// </summary>
    public static byte[]? TryDecrypt(byte[] key, ReadOnlySpan<byte> cipherValue, DataEncryptionAlgorithm algorithm)
    {
        if (key.Length != KeySize(algorithm) || cipherValue.Length < IvSize + TagSize)
        {
            return null;
        }

        var length = cipherValue.Length - IvSize - TagSize;
        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(cipherValue[..IvSize], cipherValue.Slice(IvSize, length), cipherValue[(IvSize + length)..], plaintext);
            return plaintext;
        }
        catch (CryptographicException)
        {
            // AuthenticationTagMismatchException included: the plaintext buffer was zeroed by AesGcm.
            return null;
        }
    }
}
