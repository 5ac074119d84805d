namespace Verify.Saml.Trust;

/// <summary>
/// The signing keys trusted for one party (several during a key rollover). A signature is accepted only
/// when one of these keys made it; a key carried in the message's KeyInfo is never trusted by itself.
/// </summary>
/// <param name="PartyId">The party's entity ID, for error messages and audit.</param>
/// <param name="Keys">The keys; at least one.</param>
public sealed record TrustedKeySet(string PartyId, IReadOnlyList<TrustedSigningKey> Keys)
{
    /// <summary>A key set for a party with the given keys.</summary>
    public static TrustedKeySet For(string partyId, params TrustedSigningKey[] keys) => new(partyId, keys);
}
