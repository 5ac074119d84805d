using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Verify.Federation.Registration;

/// <summary>
/// Client secrets as the hub's OpenID Provider checks them (ADR 0021): PBKDF2 with HMAC-SHA256 in OpenIddict's format
/// (version byte 1, then PRF, iteration count and salt length as big-endian integers, the salt and the derived key,
/// Base64), so the federation store only ever holds the hash. Only for clients an operator allows
/// <c>client_secret_basic</c>; <c>private_key_jwt</c> is the default.
/// </summary>
public static class ClientSecretHasher
{
    /// <summary>The shortest secret accepted: 32 characters (256 bits of a random secret written as hex or Base64).</summary>
    public const int MinimumSecretLength = 32;

    private const byte Version = 1;
    private const uint HmacSha256 = 1;
    private const int Iterations = 100_000;
    private const int MinimumIterations = 10_000;
    private const int SaltBytes = 16;
    private const int KeyBytes = 32;
    private const int HeaderBytes = 13;

    /// <summary>Hashes a secret with a fresh random salt.</summary>
    /// <exception cref="RegistrationRefusedException">The secret is shorter than <see cref="MinimumSecretLength"/> or holds white space or control characters.</exception>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumSecretLength || secret.Length > 512 || secret.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new RegistrationRefusedException(
                $"The client secret must be {MinimumSecretLength} to 512 characters without spaces; generate one, e.g. `openssl rand -hex 32`.");
        }

        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA256, KeyBytes);
        var payload = new byte[HeaderBytes + SaltBytes + KeyBytes];
        payload[0] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(1), HmacSha256);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(5), Iterations);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(9), SaltBytes);
        salt.CopyTo(payload.AsSpan(HeaderBytes));
        key.CopyTo(payload.AsSpan(HeaderBytes + SaltBytes));
        return Convert.ToBase64String(payload);
    }

    /// <summary>Whether <paramref name="secret"/> is the one <paramref name="hash"/> was made from (constant-time comparison).</summary>
    public static bool Verify(string hash, string secret)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(secret);
        if (!TryRead(hash, out var iterations, out var salt, out var key))
        {
            return false;
        }

        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, key.Length);
        return CryptographicOperations.FixedTimeEquals(derived, key);
    }

    /// <summary>Checks a hash given in configuration: this format, HMAC-SHA256, at least 10,000 iterations, a 128-bit salt, a 256-bit key.</summary>
    internal static string RequireWellFormed(string hash, string clientId) =>
        TryRead(hash.Trim(), out _, out _, out _)
            ? hash.Trim()
            : throw new RegistrationRefusedException(
                $"The client secret hash of '{clientId}' is not a PBKDF2/HMAC-SHA256 hash in the hub's format; make it with `verify rp add --oidc --client-secret-file`.");

    private static bool TryRead(string hash, out int iterations, out byte[] salt, out byte[] key)
    {
        iterations = 0;
        salt = key = [];
        var payload = new byte[hash.Length];
        if (hash.Length > 512 || !Convert.TryFromBase64String(hash, payload, out var length) || length != HeaderBytes + SaltBytes + KeyBytes
            || payload[0] != Version || BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(1)) != HmacSha256
            || BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(5)) is < MinimumIterations or > 10_000_000
            || BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(9)) != SaltBytes)
        {
            return false;
        }

        iterations = (int)BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(5));
        salt = payload[HeaderBytes..(HeaderBytes + SaltBytes)];
        key = payload[(HeaderBytes + SaltBytes)..length];
        return true;
    }
}
