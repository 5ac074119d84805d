namespace Verify.Saml.Saml;

/// <summary>
/// A <c>saml:Subject</c> (SAML Core 2.4.1): who the assertion or query is about, and how the relying party
/// may confirm it is talking to that subject.
/// </summary>
public sealed record Subject
{
    /// <summary>The subject's identifier. SAML allows it to be absent only when confirmations are present.</summary>
    public NameId? NameId { get; init; }

    /// <summary>The subject confirmations, in document order.</summary>
    public IReadOnlyList<SubjectConfirmation> SubjectConfirmations { get; init; } = [];
}
