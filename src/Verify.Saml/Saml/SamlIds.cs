using System.Security.Cryptography;

namespace Verify.Saml.Saml;

/// <summary>
/// Fresh IDs for messages and assertions: <c>_</c> followed by 40 lowercase hex characters from a
/// cryptographic generator. 160 random bits, as SAML Core 1.3.4 recommends (it requires collisions to be
/// less likely than 2^-128, and a hub issues many IDs). The underscore makes the ID an <c>xs:ID</c>: an
/// NCName must not start with a digit.
/// </summary>
public static class SamlIds
{
    /// <summary>A new random ID.</summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[20];
        RandomNumberGenerator.Fill(bytes);
        return "_" + Convert.ToHexStringLower(bytes);
    }
}
