using System.Security.Cryptography;

namespace Verify.Saml.Saml;

/// <summary>
/// Fresh IDs for messages and assertions: <c>_</c> followed by 32 lowercase hex characters from a
/// cryptographic generator. 128 random bits meet SAML Core 1.3.4 (two IDs collide with probability at most
/// 2^-128). The underscore makes the ID an <c>xs:ID</c>: an NCName must not start with a digit.
/// </summary>
public static class SamlIds
{
    /// <summary>A new random ID.</summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return "_" + Convert.ToHexStringLower(bytes);
    }
}
