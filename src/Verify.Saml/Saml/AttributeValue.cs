namespace Verify.Saml.Saml;

/// <summary>
/// One <c>saml:AttributeValue</c>. The kinds form a closed set that the reader and writer both know:
/// <list type="bullet">
/// <item><see cref="StringValue"/>: <c>xs:string</c> or untyped text.</item>
/// <item>Matching dataset (<see cref="MatchingDatasetValue"/>): <see cref="PersonNameValue"/>, <see cref="DateValue"/>,
/// <see cref="GenderValue"/>, <see cref="AddressValue"/>.</item>
/// <item>Transaction and fraud: <see cref="IpAddressValue"/>, <see cref="FraudEventIdValue"/>, <see cref="Gpg45StatusValue"/>.</item>
/// </list>
/// Any other <c>xsi:type</c> is refused when reading, so code can switch over these kinds exhaustively.
/// </summary>
public abstract record AttributeValue
{
    private protected AttributeValue()
    {
    }
}
