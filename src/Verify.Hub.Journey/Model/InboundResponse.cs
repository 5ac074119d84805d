namespace Verify.Hub.Journey.Model;

/// <summary>
/// Who answered and to which request: the two facts of a validated IDP or matching-service answer that the journey
/// checks itself, as defence in depth behind the protocol validator (VERIFY-REFERENCE.md: "issuer = selected IDP";
/// SAML Core 3.2.2: InResponseTo names the request).
/// </summary>
public sealed record InboundResponse
{
    /// <summary>Creates the reference.</summary>
    /// <param name="issuer">The answering party's entity ID.</param>
    /// <param name="inResponseTo">The ID of the hub's request this answers.</param>
    public InboundResponse(string issuer, string inResponseTo)
    {
        Issuer = Guard.Identifier(issuer, nameof(issuer));
        InResponseTo = Guard.Identifier(inResponseTo, nameof(inResponseTo));
    }

    /// <summary>The answering party's entity ID.</summary>
    public string Issuer { get; }

    /// <summary>The request this answers.</summary>
    public string InResponseTo { get; }
}
