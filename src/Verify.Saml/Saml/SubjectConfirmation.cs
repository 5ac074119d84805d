namespace Verify.Saml.Saml;

/// <summary>
/// A <c>saml:SubjectConfirmation</c> (SAML Core 2.4.1.1): a method by which the relying party can confirm
/// the subject, e.g. <see cref="SubjectConfirmationMethods.Bearer"/> in the Web Browser SSO profile.
/// </summary>
public sealed record SubjectConfirmation
{
    /// <summary>The confirmation method URI (see <see cref="SubjectConfirmationMethods"/>).</summary>
    public required string Method { get; init; }

    /// <summary>An identifier for the confirming entity when it differs from the subject; rarely used.</summary>
    public NameId? NameId { get; init; }

    /// <summary>The conditions under which the confirmation holds.</summary>
    public SubjectConfirmationData? Data { get; init; }
}
