namespace Verify.TestRp.Outcomes;

/// <summary>
/// The answer to one request, after every check passed: either the verified identity or the failure status. A
/// refused Response is not a result: it is a <see cref="Verify.Saml.Errors.SamlException"/>.
/// </summary>
internal sealed record AcsResult
{
    private AcsResult(VerifiedIdentity? identity, FailureStatus? failure)
    {
        Identity = identity;
        Failure = failure;
    }

    /// <summary>The verified identity, on success.</summary>
    public VerifiedIdentity? Identity { get; }

    /// <summary>The failure status, otherwise.</summary>
    public FailureStatus? Failure { get; }

    public static AcsResult Success(VerifiedIdentity identity) => new(identity ?? throw new ArgumentNullException(nameof(identity)), null);

    public static AcsResult Failed(FailureStatus failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}
