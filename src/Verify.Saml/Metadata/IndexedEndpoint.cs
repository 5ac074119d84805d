namespace Verify.Saml.Metadata;

/// <summary>
/// An endpoint with an index (SAML Metadata 2.2.3 <c>IndexedEndpointType</c>), such as an assertion consumer
/// service: a request may name it by index, and otherwise the default one is used.
/// </summary>
public sealed record IndexedEndpoint : Endpoint
{
    /// <summary>The <c>index</c> (an <c>xs:unsignedShort</c>); unique among the endpoints of one kind.</summary>
    public required int Index { get; init; }

    /// <summary>The <c>isDefault</c> attribute; null when absent.</summary>
    public bool? IsDefault { get; init; }

    /// <summary>
    /// The default endpoint by SAML Metadata 2.2.3: the first with <c>isDefault="true"</c>, otherwise the first
    /// without an <c>isDefault</c> attribute, otherwise the first. Null when there are none.
    /// </summary>
    public static IndexedEndpoint? SelectDefault(IReadOnlyList<IndexedEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.FirstOrDefault(e => e.IsDefault == true)
            ?? endpoints.FirstOrDefault(e => e.IsDefault is null)
            ?? (endpoints.Count > 0 ? endpoints[0] : null);
    }
}
