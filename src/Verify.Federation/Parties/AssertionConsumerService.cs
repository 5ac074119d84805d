namespace Verify.Federation.Parties;

/// <summary>
/// One of a relying party's registered assertion consumer services (SAML Metadata 2.4.4): where the hub may POST
/// its response. Only HTTP-POST endpoints are registered, since that is the only binding the hub answers RPs with
/// (SAML Bindings 3.5); the hub takes the URL from here, never from the request.
/// </summary>
/// <param name="Url">The absolute URL (https, or http on a loopback host in development).</param>
/// <param name="Index">The endpoint's <c>index</c>, unique for the RP.</param>
/// <param name="IsDefault">Whether it is the RP's default, chosen once by SAML Metadata 2.2.3 at registration; exactly one is.</param>
public sealed record AssertionConsumerService(string Url, int Index, bool IsDefault)
{
    /// <summary>The binding of every registered assertion consumer service.</summary>
    public const string Binding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
}
