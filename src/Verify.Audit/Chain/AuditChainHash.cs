using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Verify.Audit.Chain;

/// <summary>
/// The chain's hash: <c>hash(n) = SHA-256(previous hash ‖ n ‖ canonical JSON)</c>, where the previous hash is the 32
/// raw bytes of event n−1's hash (32 zero bytes for event 1), n is the sequence number as 8 bytes big-endian, and the
/// JSON is the stored text in UTF-8. Hashes are written as 64 lower-case hex digits. Anyone can recompute it, which is
/// why the chain head is also signed outside the database (<see cref="Checkpoints.AuditCheckpointer"/>).
/// </summary>
public static class AuditChainHash
{
    /// <summary>The "previous hash" of event 1: 32 zero bytes.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The hash of event <paramref name="sequence"/>.</summary>
    /// <exception cref="FormatException"><paramref name="previousHash"/> is not 64 hex digits.</exception>
    public static string Compute(string previousHash, long sequence, string eventJson)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(eventJson);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        if (!IsHash(previousHash))
        {
            throw new FormatException("A chain hash is 64 lower-case hex digits.");
        }

        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, sequence);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(Convert.FromHexString(previousHash));
        sha256.AppendData(number);
        sha256.AppendData(Encoding.UTF8.GetBytes(eventJson));
        return Convert.ToHexStringLower(sha256.GetHashAndReset());
    }

    /// <summary>True for 64 lower-case hex digits.</summary>
    public static bool IsHash(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigitLower);
}
