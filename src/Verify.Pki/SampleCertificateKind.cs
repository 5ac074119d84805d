namespace Verify.Pki;

/// <summary>What a sample certificate is for; decides its extensions (basic constraints, key usage, EKU).</summary>
public enum SampleCertificateKind
{
    /// <summary>The self-signed federation root: CA, path length 1, keyCertSign and cRLSign.</summary>
    RootCa = 1,

    /// <summary>A per-role intermediate under the root: CA, path length 0, keyCertSign and cRLSign.</summary>
    IntermediateCa = 2,

    /// <summary>A leaf that signs (SAML messages, metadata): digitalSignature.</summary>
    Signing = 3,

    /// <summary>A leaf that others encrypt to: keyEncipherment and dataEncipherment.</summary>
    Encryption = 4,

    /// <summary>A TLS server leaf: digitalSignature and keyEncipherment, EKU serverAuth, DNS and IP SANs.</summary>
    TlsServer = 5,
}
