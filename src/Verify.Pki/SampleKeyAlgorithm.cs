using System.Security.Cryptography;

namespace Verify.Pki;

/// <summary>
/// The kind and size of a sample key pair: RSA of a given modulus length, or ECDSA on NIST P-256.
/// </summary>
public sealed record SampleKeyAlgorithm
{
    private SampleKeyAlgorithm(string family, int keySizeInBits)
    {
        Family = family;
        KeySizeInBits = keySizeInBits;
    }

    /// <summary>ECDSA on the NIST P-256 curve (secp256r1).</summary>
    public static SampleKeyAlgorithm EcdsaP256 { get; } = new("ECDSA P-256", 256);

    /// <summary>"RSA" or "ECDSA P-256".</summary>
    public string Family { get; }

    /// <summary>The RSA modulus length, or the curve size for ECDSA.</summary>
    public int KeySizeInBits { get; }

    /// <summary>True for RSA keys.</summary>
    public bool IsRsa => Family == "RSA";

    /// <summary>RSA with the given modulus length in bits.</summary>
    public static SampleKeyAlgorithm Rsa(int keySizeInBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keySizeInBits, 1024);
        return new SampleKeyAlgorithm("RSA", keySizeInBits);
    }

    /// <summary>Generates a fresh key pair of this kind; the caller disposes it.</summary>
    public AsymmetricAlgorithm CreateKey()
    {
        return IsRsa
            ? RSA.Create(KeySizeInBits)
            : ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }

    /// <summary>"RSA 3072", "RSA 2048", "ECDSA P-256".</summary>
    public override string ToString()
    {
        return IsRsa ? $"RSA {KeySizeInBits}" : Family;
    }
}
