namespace Verify.Saml.Saml;

/// <summary>A plain string value: <c>xsi:type="xs:string"</c>, or no <c>xsi:type</c> at all.</summary>
/// <param name="Value">The whole text of the value, surrounding whitespace trimmed.</param>
public sealed record StringValue(string Value) : AttributeValue;
