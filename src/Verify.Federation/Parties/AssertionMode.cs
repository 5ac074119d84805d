namespace Verify.Federation.Parties;

/// <summary>
/// What a relying party receives on success (ARCHITECTURE.md step 5, "two trust modes, chosen per RP"). The numbers
/// are explicit because the value is stored.
/// </summary>
public enum AssertionMode
{
    /// <summary>The hub signs the assertion itself (pairwise identifier, plain-string attributes): every RP's default.</summary>
    HubAsserted = 0,

    /// <summary>
    /// Matching RPs only (GOV.UK Verify's design): the RP receives the assertion its matching service signed, relayed
    /// and re-encrypted by the hub for the RP but never re-signed, so a compromised hub cannot forge who matched.
    /// </summary>
    EndToEnd = 1,
}
