namespace Verify.Saml.Xml;

/// <summary>Limits applied to every XML document read from outside.</summary>
public sealed record SecureXmlOptions
{
    /// <summary>Defaults sized for SAML protocol messages (an IDP response is ~10 KB; metadata is larger).</summary>
    public static SecureXmlOptions Default { get; } = new();

    /// <summary>Limits for federation metadata, which lists every party and is therefore larger.</summary>
    public static SecureXmlOptions Metadata { get; } = new() { MaxCharacters = 16 * 1024 * 1024, MaxDepth = 32 };

    /// <summary>Largest document accepted, in characters (and in bytes when reading bytes).</summary>
    public long MaxCharacters { get; init; } = 256 * 1024;

    /// <summary>Deepest element nesting accepted; the root element is depth 1.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most attributes (namespace declarations included) accepted on one element.</summary>
    public int MaxAttributesPerElement { get; init; } = 32;
}
