namespace Verify.Matching.Engine;

/// <summary>
/// The outcome of <see cref="MatchRequestValidator.Validate"/>: the problems found, or the normalised
/// identity the engine works on. Invalid until proven valid: <see cref="IsValid"/> is false unless the
/// validator made it with an identity.
/// </summary>
public sealed class MatchRequestValidation
{
    private MatchRequestValidation(IReadOnlyList<string> errors, AssertedIdentity? identity, IReadOnlyList<Cycle3Identifier> cycle3)
    {
        Errors = errors;
        Identity = identity;
        Cycle3Identifiers = cycle3;
    }

    /// <summary>True when the request may be matched.</summary>
    public bool IsValid => Identity is not null && Errors.Count == 0;

    /// <summary>What is wrong, one line per problem, naming the JSON field; empty when valid.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>True when the request carries a cycle 3 dataset.</summary>
    public bool IsCycle3 => Cycle3Identifiers.Count > 0;

    internal AssertedIdentity? Identity { get; }

    internal IReadOnlyList<Cycle3Identifier> Cycle3Identifiers { get; }

    internal static MatchRequestValidation Invalid(IReadOnlyList<string> errors) => new(errors, null, []);

    internal static MatchRequestValidation Valid(AssertedIdentity identity, IReadOnlyList<Cycle3Identifier> cycle3) => new([], identity, cycle3);
}
