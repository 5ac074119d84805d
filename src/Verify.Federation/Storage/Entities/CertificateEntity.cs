namespace Verify.Federation.Storage.Entities;

/// <summary>
/// One certificate of a party's metadata (owned by the party; one table per kind of party). Copied out of the
/// metadata so operators can query certificates and their expiry without parsing XML.
/// </summary>
internal sealed class CertificateEntity
{
    /// <summary><see cref="Verify.Saml.Metadata.KeyUse"/> by its explicit number.</summary>
    public int Use { get; set; }

    public required byte[] Der { get; set; }

    public required string Sha256 { get; set; }

    public required string Subject { get; set; }

    public DateTimeOffset NotAfter { get; set; }
}
