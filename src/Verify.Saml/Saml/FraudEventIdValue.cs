namespace Verify.Saml.Saml;

/// <summary>
/// The IDP's identifier for a fraud event (attribute <c>FECI_IDPFraudEventID</c>). Written as
/// <c>xsi:type="ida:IdpFraudEventIdType"</c>; read from that type or, for that attribute, from a plain string.
/// </summary>
/// <param name="Value">The identifier, as sent.</param>
public sealed record FraudEventIdValue(string Value) : AttributeValue;
