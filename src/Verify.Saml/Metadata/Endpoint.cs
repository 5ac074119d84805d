namespace Verify.Saml.Metadata;

/// <summary>
/// A protocol endpoint (SAML Metadata 2.2.2 <c>EndpointType</c>): where a message is sent, and with which binding.
/// The reader accepts only absolute URLs for <see cref="Location"/> and <see cref="ResponseLocation"/>.
/// </summary>
public record Endpoint
{
    /// <summary>The binding URI (see <c>Verify.Saml.Samlp.SamlBindings</c>).</summary>
    public required string Binding { get; init; }

    /// <summary>The URL messages are sent to with that binding.</summary>
    public required string Location { get; init; }

    /// <summary>Where responses go, when not to <see cref="Location"/> (not allowed on every endpoint).</summary>
    public string? ResponseLocation { get; init; }
}
