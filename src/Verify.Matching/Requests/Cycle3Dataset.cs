namespace Verify.Matching.Requests;

/// <summary>
/// The identifier the citizen typed in cycle 3: <c>{"attributes": {"NationalInsuranceNumber": "AB 12 34 56 C"}}</c>.
/// The attribute name is the RP's configured cycle 3 attribute (<see cref="Records.IdentifierTypes"/>).
/// </summary>
public sealed record Cycle3Dataset
{
    /// <summary>Attribute name → the value the citizen typed.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
