namespace Verify.Matching.Engine;

/// <summary>An address as the rules compare it: normalised postcode and premises key.</summary>
/// <param name="PostcodeKey">The normalised postcode.</param>
/// <param name="PremisesKey">House and flat numbers, or the house name.</param>
internal sealed record AddressKey(string PostcodeKey, string PremisesKey)
{
    /// <summary>Same postcode and same premises; an address without premises matches nothing.</summary>
    public bool SameAs(AddressKey other) =>
        PremisesKey.Length > 0
        && string.Equals(PostcodeKey, other.PostcodeKey, StringComparison.Ordinal)
        && string.Equals(PremisesKey, other.PremisesKey, StringComparison.Ordinal);
}
