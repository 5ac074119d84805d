using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace Verify.Saml.Xml;

/// <summary>
/// Exclusive XML canonicalization (xml-exc-c14n, without comments) of one element of the DOM we parsed
/// or built, by our own canonical writer (<see cref="ExclusiveC14NWriter"/>; ADR 0002 addendum).
/// </summary>
/// <remarks>
/// Until 2026-11-30 the element was written as text and handed to the framework's
/// <c>XmlDsigExcC14NTransform</c>, which parsed it into a tree of its own and wrote that: two copies of
/// every signed element per signature. The writer renders the canonical form straight off the DOM; its
/// output is byte-identical to the transform's on every message of the test corpus (tested), and the
/// enveloped signature is left out of the walk instead of being copied around.
/// </remarks>
internal static class ExclusiveCanonicalizer
{
    // A few SAML messages' worth; a larger builder is not kept (ThreadStatic, so never shared).
    private const int MaxCachedCapacity = 64 * 1024;

    [ThreadStatic]
    private static StringBuilder? cachedBuilder;

    /// <summary>The digest of <paramref name="element"/> without <paramref name="envelopedSignature"/>.</summary>
    public static byte[] Digest(XmlElement element, XmlElement? envelopedSignature, string? inclusivePrefixes, HashAlgorithmName hash)
    {
        var text = Render(element, envelopedSignature, inclusivePrefixes);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            var canonical = buffer.AsSpan(0, length);
            return hash == HashAlgorithmName.SHA256 ? SHA256.HashData(canonical)
                : hash == HashAlgorithmName.SHA384 ? SHA384.HashData(canonical)
                : hash == HashAlgorithmName.SHA512 ? SHA512.HashData(canonical)
                : throw new CryptographicException("Unsupported digest.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The canonical octets of <paramref name="element"/>, e.g. a SignedInfo to be signed.</summary>
    public static byte[] Canonicalize(XmlElement element, string? inclusivePrefixes) =>
        Encoding.UTF8.GetBytes(Render(element, null, inclusivePrefixes));

    /// <summary>The canonical form as characters (the octets are their UTF-8 encoding, C14N 2.1).</summary>
    private static string Render(XmlElement element, XmlElement? excluded, string? inclusivePrefixes)
    {
        ArgumentNullException.ThrowIfNull(element);
        var builder = cachedBuilder ?? new StringBuilder(8 * 1024);
        cachedBuilder = null;
        builder.Clear();
        ExclusiveC14NWriter.Write(builder, element, excluded, inclusivePrefixes);
        var text = builder.ToString();
        if (builder.Capacity <= MaxCachedCapacity)
        {
            cachedBuilder = builder;
        }

        return text;
    }
}
