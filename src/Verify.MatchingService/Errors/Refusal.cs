using Verify.Saml.Errors;

namespace Verify.MatchingService.Errors;

/// <summary>
/// Why a query was refused, in the form the answer and the one log line need: the catalogue ID and name (from
/// either catalogue) and whether the SAML status blames the requester.
/// </summary>
/// <param name="ErrorId">E.g. <c>VS2013</c> or <c>VM1001</c>.</param>
/// <param name="Name">The code's name, e.g. <c>SignatureNoTrustedKey</c>.</param>
/// <param name="BlamesRequester">True: SAML status Requester; false: Responder.</param>
public sealed record Refusal(string ErrorId, string Name, bool BlamesRequester)
{
    /// <summary>The refusal for a SAML-layer error.</summary>
    public static Refusal From(SamlException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new Refusal(exception.Error.Id, exception.Code.ToString(), exception.Error.Party == SamlErrorParty.Requester);
    }

    /// <summary>The refusal for one of the matching service's own rules.</summary>
    public static Refusal From(MatchingServiceErrorCode code) =>
        new(MatchingServiceErrors.IdOf(code), code.ToString(), MatchingServiceErrors.PartyOf(code) == SamlErrorParty.Requester);
}
