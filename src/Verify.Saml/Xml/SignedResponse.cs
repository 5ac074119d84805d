namespace Verify.Saml.Xml;

/// <summary>
/// A samlp:Response whose signatures were verified against one party's keys: the Response itself
/// (when signed) and every assertion it carries. Only <see cref="SignedResponseVerifier"/> makes one.
/// </summary>
public sealed class SignedResponse
{
    internal SignedResponse(VerifiedElement? response, IReadOnlyList<VerifiedElement> assertions)
    {
        Response = response;
        Assertions = assertions;
    }

    /// <summary>The verified Response element, or null when the Response was not signed and that was allowed.</summary>
    public VerifiedElement? Response { get; }

    /// <summary>Every assertion of the Response, each verified; in document order.</summary>
    public IReadOnlyList<VerifiedElement> Assertions { get; }
}
