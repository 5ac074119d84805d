namespace Verify.TestRp.Oidc;

/// <summary>A valid ID token the test RP still does not accept (<see cref="OidcResultReader"/>).</summary>
internal sealed class OidcRefusedException(OidcRefusal refusal) : Exception(refusal?.Reason)
{
    public OidcRefusal Refusal { get; } = refusal ?? throw new ArgumentNullException(nameof(refusal));
}
