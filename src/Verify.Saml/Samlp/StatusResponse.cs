namespace Verify.Saml.Samlp;

/// <summary>A SAML response (SAML Core 3.2.2 <c>StatusResponseType</c>).</summary>
public abstract record StatusResponse : SamlMessage
{
    private protected StatusResponse()
    {
    }

    /// <summary>The ID of the request this answers; absent for an unsolicited response.</summary>
    public string? InResponseTo { get; init; }

    /// <summary>The outcome.</summary>
    public required Status Status { get; init; }
}
