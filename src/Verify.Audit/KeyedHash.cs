namespace Verify.Audit;

/// <summary>
/// An identifier as the audit trail holds it: HMAC-SHA256 under the audit key, as 64 lower-case hex digits.
/// Only <see cref="AuditHasher"/> makes one, so a raw journey ID or pairwise identifier cannot be put where an audit
/// event expects a hash (ARCHITECTURE.md: audit events hold keyed hashes only).
/// </summary>
public sealed record KeyedHash
{
    internal KeyedHash(string value)
    {
        Value = value;
    }

    /// <summary>The hash, 64 lower-case hex digits.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}
