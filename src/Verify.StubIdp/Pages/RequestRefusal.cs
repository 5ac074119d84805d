using Verify.Saml.Errors;

namespace Verify.StubIdp.Pages;

/// <summary>What the refusal page tells whoever sent a request the stub will not act on.</summary>
/// <param name="Heading">The page heading.</param>
/// <param name="Detail">Why, in words safe to show (catalogue text, never message content).</param>
/// <param name="ErrorId">The catalogue ID (e.g. <c>VS2013</c>) when the SAML layer refused the message.</param>
internal sealed record RequestRefusal(string Heading, string Detail, string? ErrorId = null)
{
    /// <summary>The refusal of a SAML message, from its catalogue error.</summary>
    public static RequestRefusal Of(SamlException exception) =>
        new("The sign-in request was refused", exception.Error.Message, exception.Error.Id + " " + exception.Error.Code);
}
