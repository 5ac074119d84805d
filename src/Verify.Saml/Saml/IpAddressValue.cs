namespace Verify.Saml.Saml;

/// <summary>
/// The citizen's IP address as the IDP saw it (attribute <c>TXN_IPaddress</c>). Written as
/// <c>xsi:type="ida:IPAddressType"</c>; read from that type or, for <c>TXN_IPaddress</c>, from a plain string.
/// </summary>
/// <param name="Value">The address text, as sent.</param>
public sealed record IpAddressValue(string Value) : AttributeValue;
