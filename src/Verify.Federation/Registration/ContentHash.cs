using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Verify.Federation.Registration;

/// <summary>
/// SHA-256 over a registration's metadata bytes and setting values, each length-prefixed so no two different
/// registrations share an input. Stored with the party: re-registering the same thing is recognised and writes nothing.
/// </summary>
internal static class ContentHash
{
    /// <summary>The hash, upper-case hex.</summary>
    public static string Of(ReadOnlySpan<byte> metadata, IEnumerable<string?> values)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, metadata.Length);
        hash.AppendData(length);
        hash.AppendData(metadata);
        foreach (var value in values)
        {
            var bytes = value is null ? [] : Encoding.UTF8.GetBytes(value);
            BinaryPrimitives.WriteInt32BigEndian(length, value is null ? -1 : bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
