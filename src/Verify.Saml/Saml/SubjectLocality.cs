namespace Verify.Saml.Saml;

/// <summary>A <c>saml:SubjectLocality</c> (SAML Core 2.7.2.1): where the subject authenticated from.</summary>
public sealed record SubjectLocality
{
    /// <summary>The network address of the system the subject authenticated from.</summary>
    public string? Address { get; init; }

    /// <summary>The DNS name of that system.</summary>
    public string? DnsName { get; init; }
}
