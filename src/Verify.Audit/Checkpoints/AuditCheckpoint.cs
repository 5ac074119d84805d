using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

using Verify.Audit.Chain;

namespace Verify.Audit.Checkpoints;

/// <summary>
/// A signed statement of the chain's head: "at <see cref="WrittenAt"/> the chain's event <see cref="Sequence"/> had
/// hash <see cref="Hash"/>". Kept outside the database, one JSON line per checkpoint, so that an attacker who rewrites
/// an event and recomputes every later hash in the database is still caught (the issue).
/// </summary>
/// <remarks>
/// The signature covers the canonical JSON (sorted members, no whitespace, UTF-8) of every member except
/// <c>signature</c>: <c>{"alg","hash","keyId","sequence","type","writtenAt"}</c>, where <c>type</c> is always
/// <see cref="TypeName"/>, so no other signed JSON of the federation can pass for a checkpoint.
/// </remarks>
public sealed record AuditCheckpoint
{
    /// <summary>The <c>type</c> member of every checkpoint.</summary>
    public const string TypeName = "verify-audit-checkpoint";

    /// <summary>The longest checkpoint line read.</summary>
    public const int MaxLineLength = 4096;

    private static readonly string[] Members = ["alg", "hash", "keyId", "sequence", "signature", "type", "writtenAt"];

    /// <summary>The sequence number of the chain's head when signed (0 for an empty chain).</summary>
    public required long Sequence { get; init; }

    /// <summary>The hash of that event (64 hex digits; the genesis hash for an empty chain).</summary>
    public required string Hash { get; init; }

    /// <summary>When the checkpoint was written.</summary>
    public required DateTimeOffset WrittenAt { get; init; }

    /// <summary><c>ES256</c> (ECDSA P-256, SHA-256) or <c>PS256</c> (RSA-PSS, SHA-256), as in RFC 7518 §3.1.</summary>
    public required string Algorithm { get; init; }

    /// <summary>Which key signed it: <see cref="AuditCheckpointKeys.KeyId"/> of the public key.</summary>
    public required string KeyId { get; init; }

    /// <summary>The signature, base64url without padding.</summary>
    public required string Signature { get; init; }

    /// <summary>Reads one line of a checkpoint file, strictly: exactly the checkpoint's members, each of the right form.</summary>
    /// <exception cref="FormatException">The line is not a checkpoint.</exception>
    public static AuditCheckpoint Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > MaxLineLength)
        {
            throw new FormatException($"A checkpoint line is at most {MaxLineLength} characters.");
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal).SequenceEqual(Members, StringComparer.Ordinal))
            {
                throw new FormatException($"A checkpoint has exactly the members {string.Join(", ", Members)}.");
            }

            var checkpoint = new AuditCheckpoint
            {
                Sequence = root.GetProperty("sequence").GetInt64(),
                Hash = root.GetProperty("hash").GetString()!,
                WrittenAt = DateTimeOffset.ParseExact(root.GetProperty("writtenAt").GetString()!, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Algorithm = root.GetProperty("alg").GetString()!,
                KeyId = root.GetProperty("keyId").GetString()!,
                Signature = root.GetProperty("signature").GetString()!,
            };
            return root.GetProperty("type").GetString() == TypeName
                && checkpoint.Sequence >= 0
                && AuditChainHash.IsHash(checkpoint.Hash)
                && checkpoint.Algorithm is AuditCheckpointKeys.Es256 or AuditCheckpointKeys.Ps256
                && Base64Url.IsValid(checkpoint.KeyId)
                && Base64Url.IsValid(checkpoint.Signature)
                ? checkpoint
                : throw new FormatException("A checkpoint member has the wrong form.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new FormatException("Not a checkpoint: " + ex.Message, ex);
        }
    }

    /// <summary>The line written to the checkpoint file (without the line break).</summary>
    public string ToJsonLine() => Write(includeSignature: true);

    /// <summary>The bytes the signature covers.</summary>
    internal byte[] SignedBytes() => Encoding.UTF8.GetBytes(Write(includeSignature: false));

    private string Write(bool includeSignature)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            // Members in ordinal order, as the canonical form requires.
            writer.WriteStartObject();
            writer.WriteString("alg", Algorithm);
            writer.WriteString("hash", Hash);
            writer.WriteString("keyId", KeyId);
            writer.WriteNumber("sequence", Sequence);
            if (includeSignature)
            {
                writer.WriteString("signature", Signature);
            }

            writer.WriteString("type", TypeName);
            writer.WriteString("writtenAt", AuditJson.FormatInstant(WrittenAt));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
