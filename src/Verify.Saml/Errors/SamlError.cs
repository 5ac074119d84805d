namespace Verify.Saml.Errors;

/// <summary>Which side a SAML status would blame for an error (SAML Core 3.2.2.2 top-level codes).</summary>
public enum SamlErrorParty
{
    /// <summary>The sender of the message did something wrong (urn:oasis:names:tc:SAML:2.0:status:Requester).</summary>
    Requester,

    /// <summary>We could not process a well-formed request (urn:oasis:names:tc:SAML:2.0:status:Responder).</summary>
    Responder,
}

/// <summary>One entry of the error catalogue: a stable code, its ID as printed, and a message safe to show.</summary>
/// <param name="Code">The stable numeric code.</param>
/// <param name="Message">Text for integrators. Never contains personal data or message content.</param>
public sealed record SamlError(SamlErrorCode Code, string Message)
{
    /// <summary>The printed form of the code, e.g. <c>VS2014</c>.</summary>
    public string Id => SamlErrors.IdOf(Code);

    /// <summary>The side a SAML status would blame.</summary>
    public SamlErrorParty Party => SamlErrors.PartyOf(Code);

    public override string ToString() => $"{Id} {Code}: {Message}";
}
